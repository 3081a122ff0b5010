// How sure the USL fit is: a bootstrap over repetitions. Each resample draws as many repetitions
// as were run, with replacement, and fits all their points; the intervals are the percentiles of
// σ, κ and the peak N over the resamples. Repetitions, not single points, are resampled: points of
// one repetition share that run's machine state, so they are not independent of each other.
import { percentile } from '../stats/percentile.ts';
import { seededRandom } from '../stats/seeded-random.ts';
import { fitUsl, type UslPoint } from './usl.ts';

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
      /** Resamples whose points could be fitted (one with fewer than 3 sizes cannot). */
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

export const DEFAULT_RESAMPLES = 1_000;
export const DEFAULT_LEVEL = 0.95;
/** Any fixed seed: what matters is that the same data always gives the same intervals. */
export const DEFAULT_SEED = 13;

/** The central `level` share of `values`, by nearest rank: both ends are values some resample gave. */
function centralInterval(values: readonly number[], level: number): Interval {
  const tail = ((1 - level) / 2) * 100;
  return { low: percentile(values, tail), high: percentile(values, 100 - tail) };
}

export function bootstrapUsl(
  repetitions: readonly (readonly UslPoint[])[],
  options: BootstrapOptions = {},
): UslIntervals {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_LEVEL;
  if (!(level > 0 && level < 1)) throw new RangeError(`the level must lie between 0 and 1, got ${level}`);
  if (!(Number.isInteger(resamples) && resamples >= 1))
    throw new RangeError(`resamples must be 1 or more, got ${resamples}`);
  if (repetitions.length < 2) {
    return { state: 'not-bootstrapped', reason: `${repetitions.length} repetition(s): nothing to resample` };
  }
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const sigmas: number[] = [];
  const kappas: number[] = [];
  const peaks: number[] = [];
  for (let resample = 0; resample < resamples; resample++) {
    const drawn = repetitions.flatMap(() => repetitions[Math.floor(random() * repetitions.length)]!);
    const fit = fitUsl(drawn);
    if (fit.state !== 'fitted') continue;
    sigmas.push(fit.sigma);
    kappas.push(fit.kappa);
    peaks.push(fit.peakN);
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
