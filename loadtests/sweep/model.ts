// What a sweep measured and concluded, as its report's .json twin stores it.
import type { Cores } from '../../server/cores.ts';
import type { Provenance, VariantRun, VariantSettingValues, Workload } from '../report/model.ts';

export type SweepKind = 'size' | 'clients';

export interface SweepPoint {
  /** The swept value: the size flag's value, or the number of clients. */
  readonly x: number;
  /** One measured run; with --repeat, one point per repetition (run.repetition says which). */
  readonly run: VariantRun;
}

/** A point that could not be measured (its server did not start or answer), and why. */
export interface FailedPoint {
  readonly x: number;
  readonly repetition: number;
  readonly reason: string;
}

export interface SweepSeries {
  readonly kind: SweepKind;
  readonly variant: string;
  /** What x is: "--pool-size", "--workers", "--uv-threads" or "clients". */
  readonly axis: string;
  /** The measured points, in the order of x, then of repetition. */
  readonly points: readonly SweepPoint[];
  readonly failed: readonly FailedPoint[];
}

/** C measured on a pool of `size` threads saturating the cores: what the prediction uses. */
export interface LoadedCost {
  /** The server's CPU in the window ÷ the requests it served in it. */
  readonly computeMs: number;
  readonly size: number;
  readonly clients: number;
  readonly requestsPerSecond: number;
  /** 100 = one core; null where /proc could not be read. */
  readonly cpuPercent: number | null;
}

/** What one request costs, calibrated before the sweep on servers of its own. */
export interface WorkCalibration {
  /** C: CPU ms per request under load (loaded.computeMs): where the knee is, the cores are saturated. */
  readonly computeMs: number;
  /** The fastest single request's CPU ms, sent alone (the server's own clock): W is taken against it. */
  readonly aloneComputeMs: number;
  readonly loaded: LoadedCost;
  /** W: the fastest single request's wall time alone minus C (the thread held without CPU, plus HTTP). */
  readonly waitMs: number;
  /** Requests the two were taken from. */
  readonly requests: number;
}

/** The prediction the sweep chose its sizes and clients from. */
export interface SweepPrediction {
  readonly cores: Cores;
  readonly calibration: WorkCalibration;
  /** The closed network's knee: the smallest pool predicted within 5% of the plateau. */
  readonly knee: number;
  /** cores × (C + W) ÷ C (not rounded): where the asymptotic bounds meet. */
  readonly boundsKnee: number;
  readonly sizes: readonly number[];
  readonly clients: number;
}

export interface Range {
  readonly low: number;
  readonly high: number;
}

/** The knee as measured: on the medians over repetitions, and its range over the repetitions. */
export interface MeasuredKnee {
  readonly size: number;
  readonly requestsPerSecond: number;
  /** The smallest and largest knee of the single repetitions (one repetition: both are the knee). */
  readonly range: Range;
  readonly repetitions: number;
}

/** The Universal Scalability Law fitted to every repetition's points; peakN null: no peak (κ = 0). */
export interface UslSummary {
  readonly state: 'fitted';
  readonly sigma: number;
  readonly kappa: number;
  /** req/s of one thread without contention. */
  readonly lambda: number;
  readonly peakN: number | null;
  readonly rSquared: number | null;
  readonly points: number;
  /** 95% bootstrap intervals over the repetitions; null with a single repetition (and why). */
  readonly intervals: {
    readonly sigma: Range;
    readonly kappa: Range;
    /** high null: some resamples had no peak. */
    readonly peakN: { readonly low: number | null; readonly high: number | null };
    readonly resamples: number;
  } | null;
  readonly intervalsMissing: string | null;
}

/** Points the law cannot be fitted to (fewer than 3 sizes), and why. */
export interface UslUnfit {
  readonly state: 'unfit';
  readonly reason: string;
}

export interface Recommendation {
  readonly poolSize: number;
  readonly kneeRange: Range;
  readonly predictedKnee: number | null;
  /** The sentence, markdown: "`--pool-size 12` (knee 10–14 over 3 runs; predicted 11 from C = 9.8 ms, W = 100 ms, 2 cores)". */
  readonly text: string;
}

/** 4: the closed network's knee, C under load, warm-up answers per thread. */
export const SWEEP_FORMAT_VERSION = 4;

export interface SweepReport extends Provenance {
  readonly formatVersion: typeof SWEEP_FORMAT_VERSION;
  readonly parameters: {
    readonly durationSeconds: number;
    /** The shortest warm-up of a point: it also lasts until its answers came (see warmupAnswersPerThread). */
    readonly warmupSeconds: number;
    /** A size point's warm-up lasts until this many answers per thread (worker, process) came. */
    readonly warmupAnswersPerThread: number;
    /** Clients during the size sweeps. */
    readonly sizeClients: number;
    readonly repeat: number;
    readonly settings: VariantSettingValues;
    readonly workload: Workload;
  };
  /** null when the sizes and clients were given (--sizes and --size-clients): nothing was predicted. */
  readonly prediction: SweepPrediction | null;
  readonly predictedKnee: number | null;
  readonly measuredKnee: MeasuredKnee | null;
  /** null when no pool series was measured. */
  readonly usl: UslSummary | UslUnfit | null;
  readonly recommendation: Recommendation | null;
  readonly series: readonly SweepSeries[];
}
