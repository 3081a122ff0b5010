// What a sweep measured, as its report's .json twin stores it.
import type { Provenance, VariantRun, VariantSettingValues } from '../report/model.ts';

export type SweepKind = 'size' | 'clients';

export interface SweepPoint {
  /** The swept value: the size flag's value, or the number of clients. */
  readonly x: number;
  readonly run: VariantRun;
}

/** A point that could not be measured (its server did not start or answer), and why. */
export interface FailedPoint {
  readonly x: number;
  readonly reason: string;
}

export interface SweepSeries {
  readonly kind: SweepKind;
  readonly variant: string;
  /** What x is: "--pool-size", "--workers", "--uv-threads" or "clients". */
  readonly axis: string;
  /** The measured points, in the order of x. */
  readonly points: readonly SweepPoint[];
  readonly failed: readonly FailedPoint[];
}

/** 2: each series lists the points it could not measure. */
export const SWEEP_FORMAT_VERSION = 2;

export interface SweepReport extends Provenance {
  readonly formatVersion: typeof SWEEP_FORMAT_VERSION;
  readonly parameters: {
    readonly durationSeconds: number;
    readonly warmupSeconds: number;
    /** Clients during the size sweeps. */
    readonly sizeClients: number;
    readonly settings: VariantSettingValues;
  };
  readonly series: readonly SweepSeries[];
}
