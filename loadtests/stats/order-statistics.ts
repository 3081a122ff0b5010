// What a percentile of n samples is known to within, without assuming a distribution: the number of
// samples below the true p-th percentile is binomial(n, p), so a pair of order statistics brackets it
// with a known probability. Too few samples for the upper (or lower) end: the figure is a bound.
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import type { Interval } from './interval.ts';

/** Each tail of the two-sided 95% interval. */
const TAIL = 0.025;

/** The p-th percentile read from the samples, with what they can say of the true one. */
export type PercentileEstimate =
  | {
      readonly state: 'interval';
      readonly p: number;
      readonly n: number;
      readonly value: number;
      readonly ci95: Interval;
    }
  /** Too few samples for an upper end: the true percentile is at least `bound` (95%), maybe far more. */
  | {
      readonly state: 'at-least';
      readonly p: number;
      readonly n: number;
      readonly value: number;
      readonly bound: number;
    }
  /** Too few for a lower end (a low percentile of a small sample): at most `bound`. */
  | {
      readonly state: 'at-most';
      readonly p: number;
      readonly n: number;
      readonly value: number;
      readonly bound: number;
    };

/**
 * 1-based ranks [lower, upper] of the order statistics that bracket the p-th percentile with at least
 * 95%: lower the highest rank with P(B < lower) <= 2.5%, upper the lowest with P(B < upper) >= 97.5%,
 * B ~ binomial(n, p). null for an end the sample cannot support (rank 0, or past n).
 */
export function percentileRanks(n: number, p: number): { lower: number | null; upper: number | null } {
  const q = p / 100;
  let lower = 0;
  while (lower + 1 <= n && binomialCdf(lower, n, q) <= TAIL) lower++;
  let upper = lower;
  while (upper <= n && binomialCdf(upper - 1, n, q) < 1 - TAIL) upper++;
  return { lower: lower >= 1 ? lower : null, upper: upper <= n ? upper : null };
}

/** The smallest n whose sample can bracket the p-th percentile on both sides: p99 needs 368. */
export function samplesForInterval(p: number): number {
  let n = 1;
  while (percentileRanks(n, p).upper === null || percentileRanks(n, p).lower === null) n++;
  return n;
}

/**
 * The p-th percentile (nearest rank) of n samples with its order-statistic interval. `atRank`
 * reads the k-th smallest sample (1-based); `censoredAbove`: how many of the largest samples only
 * say "at least this" (a probe that never answered), so a rank among them is a bound too.
 */
export function percentileEstimate(
  n: number,
  p: number,
  atRank: (rank: number) => number,
  censoredAbove = 0,
): PercentileEstimate {
  if (n < 1) throw new RangeError('percentile of an empty sample');
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  const value = atRank(rank);
  const { lower, upper } = percentileRanks(n, p);
  const known = n - censoredAbove;
  if (lower === null && upper !== null && upper <= known)
    return { state: 'at-most', p, n, value, bound: atRank(upper) };
  const low = atRank(lower ?? 1);
  if (upper === null || upper > known || lower === null) return { state: 'at-least', p, n, value, bound: low };
  return { state: 'interval', p, n, value, ci95: [low, atRank(upper)] };
}

/** "p99 ≥ 392 ms (n = 178)", "p50 = 57.1 ms [56.8–57.5]": the figure as far as the sample knows it. */
export function describePercentile(estimate: PercentileEstimate, format: (ms: number) => string): string {
  const name = `p${estimate.p}`;
  if (estimate.state === 'at-least') return `${name} ≥ ${format(estimate.bound)} (n = ${estimate.n})`;
  if (estimate.state === 'at-most') return `${name} ≤ ${format(estimate.bound)} (n = ${estimate.n})`;
  return `${name} = ${format(estimate.value)} [${format(estimate.ci95[0])}–${format(estimate.ci95[1])}]`;
}
