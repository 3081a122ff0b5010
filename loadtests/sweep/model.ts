// What a sweep measured, as its report's .json twin stores it.
import type { Provenance, VariantRun, VariantSettingValues } from '../report/model.ts';

export type SweepKind = 'size' | 'clients';

export interface SweepPoint {
  /** The swept value: the size flag's value, or the number of clients. */
  readonly x: number;
  readonly run: VariantRun;
}

export interface SweepSeries {
  readonly kind: SweepKind;
  readonly variant: string;
  /** What x is: "--pool-size", "--workers", "--uv-threads" or "clients". */
  readonly axis: string;
  readonly points: readonly SweepPoint[];
}

export interface SweepReport extends Provenance {
  readonly formatVersion: 1;
  readonly parameters: {
    readonly durationSeconds: number;
    readonly warmupSeconds: number;
    /** Clients during the size sweeps. */
    readonly sizeClients: number;
    readonly settings: VariantSettingValues;
  };
  readonly series: readonly SweepSeries[];
}
