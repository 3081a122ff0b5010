// 95% intervals: a t-interval across repeated runs, and what two intervals say of each other.
// (A window's req/s interval comes from its rounds: throughput.ts.)

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

/** Half the interval's width relative to the value, e.g. 0.05 for ±5%; Infinity without an interval. */
export function relativeHalfWidth(value: number, interval: Interval | null): number {
  if (interval === null || value <= 0) return Number.POSITIVE_INFINITY;
  return (interval[1] - interval[0]) / 2 / value;
}

/** True when two intervals share any value: the run cannot rank the two rows. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}
