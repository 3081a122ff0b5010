// MSER-5 (White 1997; Franklin & White 2008): where a series' warm-up ends. The series is cut into
// batches of 5, and the truncation d that minimises the squared standard error of the mean of what
// is left, Σ_{i>d} (Yᵢ − Ȳ_d)² ÷ (m − d)², is the end of the warm-up. d is sought in the first half
// only: over the last few batches the statistic is small by chance (MSER's known end effect). A
// minimum on that half's edge means the series had not settled: no steady state, rather than a tail.

/** Observations per batch: MSER-5's five. */
export const MSER_BATCH = 5;
/** Fewer batches than this give no truncation worth the name. */
export const MSER_MIN_BATCHES = 4;

export type MserResult =
  | {
      readonly state: 'steady';
      /** Index of the first observation to keep: the warm-up is observations [0, truncateAt). */
      readonly truncateAt: number;
      /** Observations used: whole batches only, the remainder (under 5) at the end is left out. */
      readonly used: number;
    }
  | { readonly state: 'not-steady'; readonly reason: string };

/**
 * MSER-5 on `series`: observations in time order, e.g. answers per 100 ms bucket or round means.
 * Returns where the warm-up ends, in observations, or why no steady state could be found.
 */
export function mser5(series: readonly number[], batchSize = MSER_BATCH): MserResult {
  if (!(Number.isInteger(batchSize) && batchSize >= 1))
    throw new RangeError(`a batch needs 1 or more, got ${batchSize}`);
  const batches = Math.floor(series.length / batchSize);
  if (batches < MSER_MIN_BATCHES) {
    return {
      state: 'not-steady',
      reason: `${series.length} observations make ${batches} batches of ${batchSize}, fewer than ${MSER_MIN_BATCHES}`,
    };
  }
  const means = Array.from({ length: batches }, (_, b) => {
    const batch = series.slice(b * batchSize, (b + 1) * batchSize);
    return batch.reduce((sum, y) => sum + y, 0) / batchSize;
  });
  // Centred on the overall mean so that a flat series gives exact zeros, not rounding noise.
  const centre = means.reduce((total, y) => total + y, 0) / batches;
  // Suffix sums make every candidate d cost O(1).
  let sum = 0;
  let squares = 0;
  const lastD = Math.floor(batches / 2);
  let bestD = lastD;
  let bestStatistic = Number.POSITIVE_INFINITY;
  for (let d = batches - 1; d >= 0; d--) {
    const y = means[d]! - centre;
    sum += y;
    squares += y ** 2;
    if (d > lastD) continue;
    const kept = batches - d;
    const statistic = Math.max(0, squares - sum ** 2 / kept) / kept ** 2;
    // Ties go to the earlier d: keep as much of the series as the rule allows.
    if (statistic <= bestStatistic) [bestD, bestStatistic] = [d, statistic];
  }
  if (bestD === lastD) {
    return {
      state: 'not-steady',
      reason: `the minimum lies at batch ${bestD} of ${batches}, half-way: the series has not settled`,
    };
  }
  return { state: 'steady', truncateAt: bestD * batchSize, used: batches * batchSize };
}
