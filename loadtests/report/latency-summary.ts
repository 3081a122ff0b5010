// The report's latency figures from samples we record ourselves, nearest-rank (stats/percentile.ts).
import { ascending, atRank } from '../stats/percentile.ts';
import type { LatencyMs, LatencySummary, PercentileEstimate } from './figures.ts';

function summaryOf(sorted: readonly number[]): LatencySummary {
  return {
    count: sorted.length,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p50: atRank(sorted, 50),
    p99: atRank(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
}

/** null when there is nothing to summarise: no samples is not a latency of 0. */
export function summarize(values: readonly number[]): LatencySummary | null {
  return values.length === 0 ? null : summaryOf(ascending(values));
}

/** The latency columns of a report (p50, p90, p99, max, mean); null for no samples. */
export function latencyColumns(values: readonly number[]): LatencyMs | null {
  if (values.length === 0) return null;
  const sorted = ascending(values);
  const { p50, p99, max, mean } = summaryOf(sorted);
  return { p50, p90: atRank(sorted, 90), p99, max, mean };
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
