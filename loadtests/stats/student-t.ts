// Student's t quantiles for any degrees of freedom (stdlib's inverse of the regularised incomplete beta).
import quantile from '@stdlib/stats-base-dists-t-quantile';

/** The t value with `probability` below it at `degreesOfFreedom` (> 0; Infinity gives the normal). */
export function tQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`degrees of freedom must be positive (got ${degreesOfFreedom})`);
  if (!Number.isFinite(degreesOfFreedom)) return quantile(probability, 1e9);
  return quantile(probability, degreesOfFreedom);
}

/** Half-width multiplier of a two-sided interval at `confidence` (0.95 -> t at 0.975). */
export function tTwoSided(confidence: number, degreesOfFreedom: number): number {
  return tQuantile(1 - (1 - confidence) / 2, degreesOfFreedom);
}
