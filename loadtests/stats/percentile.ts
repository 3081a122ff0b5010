// Percentiles of samples we record ourselves, nearest-rank: no interpolation, every value reported
// was measured.

export function ascending(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('percentile of an empty sample');
  return [...values].sort((a, b) => a - b);
}

/** The smallest of sorted values with at least p% at or below it. */
export function atRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

/** Nearest-rank percentile (0 < p <= 100); throws on an empty sample rather than invent 0. */
export function percentile(values: readonly number[], p: number): number {
  return atRank(ascending(values), p);
}

/** The lower median: the 50th percentile, nearest-rank. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The middle value, or the mean of the two middle ones for an even count: the median of figures
 * over --repeat runs, where the lower median would always pick the smaller of two.
 */
export function midpointMedian(values: readonly number[]): number {
  const sorted = ascending(values);
  const upper = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[upper]! : (sorted[upper - 1]! + sorted[upper]!) / 2;
}

/** How many of the slowest samples lie at or above the p-th percentile: p99 of 283 is the 3 slowest. */
export function tailCount(count: number, p: number): number {
  return count - Math.max(1, Math.ceil((p / 100) * count)) + 1;
}
