// What a pool-size sweep concludes, computed from its points: the knee, the cost of going past
// it, whether throughput fell with more threads (the contention claim), and a recommendation.

/** A size whose req/s is within this share of the best counts as "as good as the best". */
export const KNEE_TOLERANCE = 0.05;

export interface SizePoint {
  readonly size: number;
  readonly requestsPerSecond: number;
  /** null when no request was served (never on curl-loops, where that is a failed point). */
  readonly p99Ms: number | null;
  readonly healthP99Ms: number | null;
  readonly residentBytes: number | null;
}

export interface SizeVerdict {
  readonly knee: SizePoint;
  readonly best: SizePoint;
  readonly largest: SizePoint;
  /**
   * The smallest size past the best from which req/s stays below (1 - KNEE_TOLERANCE) × best at
   * every larger size, over at least two sizes; null if it never does. One low point followed by
   * a recovery is noise, not contention.
   */
  readonly fellAt: SizePoint | null;
  /** When no fall lasted: the largest size, if it alone fell below the band (one point decides nothing). */
  readonly lowOnlyAtLargest: SizePoint | null;
}

function bySize(points: readonly SizePoint[]): SizePoint[] {
  if (points.length === 0) throw new Error('a sweep needs at least one point');
  return [...points].sort((a, b) => a.size - b.size);
}

/** The smallest size whose req/s is within KNEE_TOLERANCE of the best measured. */
export function knee(points: readonly SizePoint[]): SizePoint {
  const sorted = bySize(points);
  const best = Math.max(...sorted.map((point) => point.requestsPerSecond));
  return sorted.find((point) => point.requestsPerSecond >= best * (1 - KNEE_TOLERANCE))!;
}

export function sizeVerdict(points: readonly SizePoint[]): SizeVerdict {
  const sorted = bySize(points);
  const best = sorted.reduce((top, point) => (point.requestsPerSecond > top.requestsPerSecond ? point : top));
  const floor = best.requestsPerSecond * (1 - KNEE_TOLERANCE);
  const past = sorted.filter((point) => point.size > best.size);
  const below = (point: SizePoint): boolean => point.requestsPerSecond < floor;
  const fellAt = past.find((_point, index) => past.length - index >= 2 && past.slice(index).every(below)) ?? null;
  const largest = sorted[sorted.length - 1]!;
  const lowOnlyAtLargest = fellAt === null && largest.size > best.size && below(largest) ? largest : null;
  return { knee: knee(sorted), best, largest, fellAt, lowOnlyAtLargest };
}
