// 95% intervals for a rate: batch means over one window, or a t-interval across repeated runs.
// Pure arithmetic, so the report can state "52.9 ±1.2" and say when two rows cannot be told apart.

/** Batches a window is cut into for batch means: enough degrees of freedom, enough answers each. */
export const BATCHES = 10;

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
] as const;
const Z_975 = 1.96;

function tQuantile(degreesOfFreedom: number): number {
  return T_975[degreesOfFreedom - 1] ?? Z_975;
}

/** [low, high] around a mean. */
export type Interval = readonly [number, number];

/** The t-interval of the mean of samples; null with fewer than two (no spread to speak of). */
export function meanInterval(samples: readonly number[]): Interval | null {
  const n = samples.length;
  if (n < 2) return null;
  const mean = samples.reduce((sum, x) => sum + x, 0) / n;
  const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(n - 1) * Math.sqrt(variance / n);
  return [Math.max(0, mean - half), mean + half];
}

/**
 * Batch means: the window [startMs, endMs) cut into `batches` equal parts, the rate of answers in
 * each, and the t-interval of their mean. Answer times outside the window are ignored. The
 * interval is never narrower than one answer over the window: a closed loop of slow requests
 * answers in lockstep, every batch alike, and batch means alone would claim a zero-width interval.
 */
export function rateInterval(
  answerTimesMs: readonly number[],
  startMs: number,
  endMs: number,
  batches = BATCHES,
): Interval | null {
  const lengthMs = endMs - startMs;
  if (!(lengthMs > 0)) throw new RangeError(`a window must have a length (got ${lengthMs} ms)`);
  const counts = new Array<number>(batches).fill(0);
  for (const at of answerTimesMs) {
    if (at < startMs || at >= endMs) continue;
    const batch = Math.min(batches - 1, Math.floor(((at - startMs) / lengthMs) * batches));
    counts[batch] = (counts[batch] ?? 0) + 1;
  }
  const batchSeconds = lengthMs / 1000 / batches;
  const interval = meanInterval(counts.map((count) => count / batchSeconds));
  if (interval === null) return null;
  const rate = answerTimesMs.filter((at) => at >= startMs && at < endMs).length / (lengthMs / 1000);
  const half = Math.max((interval[1] - interval[0]) / 2, 1000 / lengthMs);
  return [Math.max(0, rate - half), rate + half];
}

/** Half the interval's width relative to the value, e.g. 0.05 for ±5%; Infinity without an interval. */
export function relativeHalfWidth(value: number, interval: Interval | null): number {
  if (interval === null || value <= 0) return Number.POSITIVE_INFINITY;
  return (interval[1] - interval[0]) / 2 / value;
}

/** True when two intervals share any value: the run cannot rank the two rows. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}
