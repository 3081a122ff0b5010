// What one measured window amounts to, from what the generator counted inside it: counts by status,
// latencies of the served answers, per-client tallies, and req/s from its rounds with its interval. Pure.
import type { LatencyMs, LatencySummary } from '../report/figures.ts';
import type { LatencyHistogram } from '../stats/latency-histogram.ts';
import { throughputOf } from '../stats/throughput.ts';
import type { LoopOutcome } from './continuous-loop.ts';
import type { WindowLoad } from './load-result.ts';

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

export function windowResult(outcome: LoopOutcome): WindowLoad {
  const { counted } = outcome;
  const throughput = throughputOf(counted.tally.counts(), outcome.endMs - outcome.startMs, outcome.end.looks);
  return {
    result: {
      durationSeconds: outcome.seconds,
      ok: counted.served,
      errors: outcome.errors,
      timeouts: outcome.timeouts,
      non2xx: counted.answered - counted.served,
      latencyMs: histogramColumns(counted.latencies),
      servedLatencyMs: histogramSummary(counted.latencies),
      statusCounts: counted.statusCounts(),
    },
    clients: counted.clients(),
    throughput,
    latencyPercentiles: {
      p50: counted.latencies.percentile(50),
      p99: counted.latencies.percentile(99),
    },
  };
}
