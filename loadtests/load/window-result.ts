// What one measured window amounts to, from what the generator counted inside it: counts by status,
// latencies of the served answers, per-client tallies, and req/s from its rounds with its interval. Pure.
import { histogramColumns, histogramSummary } from '../report/latency-summary.ts';
import { throughputOf } from '../stats/throughput.ts';
import type { LoopOutcome } from './continuous-loop.ts';
import type { WindowLoad } from './load-result.ts';

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
    turnedAwayLatencyMs: histogramSummary(counted.turnedAwayLatencies),
  };
}
