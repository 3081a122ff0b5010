// The points a weighted USL fit takes: each size's throughput with its weight, 1 ÷ its variance,
// from the standard error of its log (X·se on the throughput's own scale).
import type { UslPoint } from './usl.ts';

export interface MeasuredPoint {
  readonly n: number;
  readonly throughput: number;
  /** Standard error of ln(throughput), from the size's runs or its interval. */
  readonly logSe: number;
  /** Degrees of freedom of logSe (Infinity: known as a normal). */
  readonly df: number;
}

/**
 * Each point weighted by 1 ÷ (X·se)², se at least the median of the points' se: three runs that
 * happened to agree would otherwise take the fit over. null when no point has any spread.
 */
export function weightedPoints(
  points: readonly MeasuredPoint[],
): (UslPoint & { readonly logSe: number; readonly weight: number })[] | null {
  const spreads = points
    .map((point) => point.logSe)
    .filter((se) => se > 0)
    .sort((a, b) => a - b);
  if (spreads.length === 0) return null;
  const floor = spreads[Math.floor((spreads.length - 1) / 2)]!;
  return points.map(({ n, throughput, logSe }) => {
    const se = Math.max(logSe, floor);
    return { n, throughput, logSe: se, weight: 1 / (throughput * se) ** 2 };
  });
}
