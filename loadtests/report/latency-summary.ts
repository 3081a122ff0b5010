// The report's latency figures from the histograms the generator and the probe record, nearest-rank.
import type { LatencyHistogram } from '../stats/latency-histogram.ts';
import type { LatencyMs, LatencySummary, PercentileEstimate } from './figures.ts';

/** count, mean, p50, p99 and max of a histogram, nearest-rank; null when empty. */
export function histogramSummary(histogram: LatencyHistogram): LatencySummary | null {
  if (histogram.count === 0) return null;
  const at = (p: number) => histogram.atRank(Math.max(1, Math.ceil((p / 100) * histogram.count)));
  return { count: histogram.count, mean: histogram.meanMs, p50: at(50), p99: at(99), max: histogram.maxMs };
}

/** The report's latency columns (p50, p90, p99, max, mean) of a histogram; null when empty. */
export function histogramColumns(histogram: LatencyHistogram): LatencyMs | null {
  const summary = histogramSummary(histogram);
  if (summary === null) return null;
  const p90 = histogram.atRank(Math.max(1, Math.ceil(0.9 * histogram.count)));
  return { p50: summary.p50, p90, p99: summary.p99, max: summary.max, mean: summary.mean };
}

/**
 * A table cell for a percentile: a run's figure, or "≥ X (n = 178)" where its sample cannot bound it
 * from above (p99 needs 368 samples); with several runs, `figures()`: the median [min–max] of theirs.
 */
export function percentileCell(
  estimates: readonly (PercentileEstimate | null)[],
  figures: () => string,
  show: (ms: number) => string,
): string {
  const only = estimates.length === 1 ? estimates[0]! : null;
  if (only === null || only.state === 'interval') return figures();
  return `${only.state === 'at-least' ? '≥' : '≤'} ${show(only.bound)} (n = ${only.n})`;
}
