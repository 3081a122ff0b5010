// What a sweep measured and concluded, as its report's .json twin stores it.
import type { Cores } from '../../server/cores.ts';
import type { Provenance, VariantRun, VariantSettingValues, Workload } from '../report/model.ts';
import type { PlateauRatio } from '../sizing/plateau-knee.ts';
import type { UslCheck } from '../sizing/usl-check.ts';
import type { Comparison } from '../stats/compare.ts';

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

/**
 * A size series' knee, from each size's runs: the smallest size whose one-sided 95% lower bound of
 * req/s ÷ the plateau's reaches 1 − KNEE_TOLERANCE (loadtests/sizing/plateau-knee.ts).
 */
export interface MeasuredKnee {
  readonly variant: string;
  /** "--pool-size", "--workers" or "--uv-threads". */
  readonly axis: string;
  readonly size: number;
  /** The knee's median req/s over its runs, as the tables show it. */
  readonly requestsPerSecond: number;
  /** false: no size was shown within the tolerance, and `size` is the best measured. */
  readonly shown: boolean;
  /** The knee's one-sided 95% lower bound of req/s ÷ the plateau's. */
  readonly lowerBound: number;
  /** The size with the highest req/s. */
  readonly best: number;
  /** The best size and those not shown to differ from it; req/s: their geometric mean. */
  readonly plateau: { readonly sizes: readonly number[]; readonly requestsPerSecond: number };
  readonly ratios: readonly PlateauRatio[];
  /** Sizes left out: their req/s has no estimate (one run of too few rounds for an interval, or none at all). */
  readonly unestimated: readonly number[];
  /** Runs per size (the most any size had). */
  readonly repetitions: number;
}

/**
 * The Universal Scalability Law fitted to one point per size (its runs' geometric mean), weighted
 * by 1 ÷ its variance; peakN null: no peak (κ = 0).
 */
export interface UslSummary {
  readonly state: 'fitted';
  readonly sigma: number;
  readonly kappa: number;
  /** req/s of one thread without contention. */
  readonly lambda: number;
  readonly peakN: number | null;
  readonly rSquared: number | null;
  /** Sizes fitted. */
  readonly points: number;
  /** false: some size had no interval, or none any spread: the fit is unweighted, on the medians, neither checked nor bootstrapped. */
  readonly weighted: boolean;
  /** Against the cores' ceiling min(λN, X_max), and each model's lack of fit. */
  readonly check: UslCheck;
  /** κ and the peak read as coherency only when the USL beats the ceiling (check.uslBetter). */
  readonly kappaIsCoherency: boolean;
  /** 95% parametric bootstrap intervals from the sizes' own spread; null when there is none (and why). */
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
  /** false: no size was shown within the tolerance of the plateau; the best measured is recommended. */
  readonly shown: boolean;
  readonly predictedKnee: number | null;
  /** The sentence, markdown: "`--pool-size 12` (≥ 96% of the plateau at 95% confidence, 3 runs per size; predicted 11 from …)". */
  readonly text: string;
}

/** 5: the knee from each size's runs, the weighted and checked USL, contention as comparisons. */
export const SWEEP_FORMAT_VERSION = 5;

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
    /** δ of the comparisons: ratios within ±δ are equivalent (0.05 = ±5%). */
    readonly equivalenceMargin: number;
    readonly settings: VariantSettingValues;
    readonly workload: Workload;
  };
  /** null when the sizes and clients were given (--sizes and --size-clients): nothing was predicted. */
  readonly prediction: SweepPrediction | null;
  readonly predictedKnee: number | null;
  /** Every size series' knee, in the order of the series (the pool's: analyse.ts poolKnee). */
  readonly knees: readonly MeasuredKnee[];
  /** The contention verdicts: each size series' largest size against its knee. */
  readonly comparisons: readonly Comparison[];
  /** null when no pool series was measured. */
  readonly usl: UslSummary | UslUnfit | null;
  readonly recommendation: Recommendation | null;
  readonly series: readonly SweepSeries[];
}
