// What one measured window amounts to, from the answers that arrived inside it: counts by status,
// latencies of the served answers, per-client tallies, and req/s with its 95% interval. Pure.
import type { LoopOutcome } from './continuous-loop.ts';
import { isServed } from './window-rule.ts';
import { rateInterval } from '../stats/interval.ts';
import { latencyColumns, summarize } from '../report/latency-summary.ts';
import type { WindowLoad } from './load-result.ts';

export function windowResult(outcome: LoopOutcome, connections: number): WindowLoad {
  const served = outcome.answers.filter((answer) => isServed(answer.status));
  const latencies = served.map((answer) => answer.latencyMs);
  const statusCounts: Record<string, number> = {};
  for (const answer of outcome.answers) statusCounts[answer.status] = (statusCounts[answer.status] ?? 0) + 1;
  const clients = Array.from({ length: connections }, (_, i) => {
    const mine = served.filter((answer) => answer.clientId === i + 1);
    const sumMs = mine.reduce((sum, answer) => sum + answer.latencyMs, 0);
    return { clientId: i + 1, served: mine.length, meanLatencyMs: mine.length > 0 ? sumMs / mine.length : null };
  });
  return {
    result: {
      durationSeconds: outcome.seconds,
      ok: served.length,
      errors: outcome.errors,
      timeouts: outcome.timeouts,
      non2xx: outcome.answers.length - served.length,
      latencyMs: latencyColumns(latencies),
      servedLatencyMs: summarize(latencies),
      statusCounts,
    },
    clients,
    turnedAwayLatencyMs: summarize(
      outcome.answers.filter((answer) => answer.status === 503).map((answer) => answer.latencyMs),
    ),
    requestsPerSecondCi95: rateInterval(
      served.map((answer) => answer.atMs),
      outcome.startMs,
      outcome.endMs,
    ),
  };
}
