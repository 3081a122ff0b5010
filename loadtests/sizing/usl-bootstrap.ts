// How sure the USL fit is: a parametric bootstrap. Each resample draws every size's throughput
// afresh from the fitted curve, off by its own measured noise (lognormal, the standard error of
// its log), and refits; the intervals are the percentiles of σ, κ and the peak N over the
// resamples. Resampling three repetitions would give ten distinct resamples, and "95%" ends that
// are single-run fits; the per-point variances give as many resamples as asked for.
import { percentile } from '../stats/percentile.ts';
import { seededNormal } from '../stats/seeded-normal.ts';
import { fitUsl, type UslCoefficients, uslThroughput } from './usl.ts';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export type UslIntervals =
  | {
      readonly state: 'bootstrapped';
      /** e.g. 0.95: the share of resampled fits each interval holds. */
      readonly level: number;
      readonly resamples: number;
      /** Resamples whose points could be fitted. */
      readonly fitted: number;
      readonly sigma: Interval;
      readonly kappa: Interval;
      /** Its ends may be Infinity: resamples where κ = 0 have no peak. */
      readonly peakN: Interval;
    }
  | { readonly state: 'not-bootstrapped'; readonly reason: string };

export interface BootstrapOptions {
  readonly resamples?: number;
  readonly level?: number;
  readonly seed?: number;
}

/** A size as the bootstrap draws it: where it is, and how noisy (the standard error of its log). */
export interface NoisyPoint {
  readonly n: number;
  readonly logSe: number;
}

export const DEFAULT_RESAMPLES = 1_000;
export const DEFAULT_LEVEL = 0.95;
/** Any fixed seed: what matters is that the same data always gives the same intervals. */
export const DEFAULT_SEED = 13;

/** The central `level` share of `values`, by nearest rank: both ends are values some resample gave. */
function centralInterval(values: readonly number[], level: number): Interval {
  const tail = ((1 - level) / 2) * 100;
  return { low: percentile(values, tail), high: percentile(values, 100 - tail) };
}

/** Intervals for the USL `fit` of `points`, each resample weighted by its own draws as the fit was. */
export function bootstrapUsl(
  fit: UslCoefficients,
  points: readonly NoisyPoint[],
  options: BootstrapOptions = {},
): UslIntervals {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_LEVEL;
  if (!(level > 0 && level < 1)) throw new RangeError(`the level must lie between 0 and 1, got ${level}`);
  if (!(Number.isInteger(resamples) && resamples >= 1))
    throw new RangeError(`resamples must be 1 or more, got ${resamples}`);
  if (!points.every((point) => point.logSe > 0)) {
    return { state: 'not-bootstrapped', reason: 'a point without spread gives nothing to draw from' };
  }
  const deviate = seededNormal(options.seed ?? DEFAULT_SEED);
  const sigmas: number[] = [];
  const kappas: number[] = [];
  const peaks: number[] = [];
  for (let resample = 0; resample < resamples; resample++) {
    const drawn = points.map(({ n, logSe }) => {
      const throughput = uslThroughput(fit, n) * Math.exp(logSe * deviate());
      return { n, throughput, weight: 1 / (throughput * logSe) ** 2 };
    });
    const refit = fitUsl(drawn);
    if (refit.state !== 'fitted') continue;
    sigmas.push(refit.sigma);
    kappas.push(refit.kappa);
    peaks.push(refit.peakN);
  }
  if (sigmas.length === 0) return { state: 'not-bootstrapped', reason: 'no resample could be fitted' };
  return {
    state: 'bootstrapped',
    level,
    resamples,
    fitted: sigmas.length,
    sigma: centralInterval(sigmas, level),
    kappa: centralInterval(kappas, level),
    peakN: centralInterval(peaks, level),
  };
}
