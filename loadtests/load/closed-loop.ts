// The endless curl loops: N connections, each sending as its own client id and asking again as
// soon as it is answered (pipelining 1). autocannon measures; we only add per-client counts.
// --new-connection hands the loop to fresh-connections.ts instead.
import autocannon from 'autocannon';
import { ClientTallies } from './client-tallies.ts';
import { runFreshConnectionLoop } from './fresh-connections.ts';
import { REQUEST_TIMEOUT_SECONDS, type ClosedLoopOptions, type ClosedLoopResult } from './load-result.ts';
import { clientPath } from './target-url.ts';

export function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  return options.newConnection ? runFreshConnectionLoop(options) : runKeepAliveLoop(options);
}

function runKeepAliveLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const tallies = new ClientTallies();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        pipelining: 1,
        duration: options.durationSeconds,
        timeout: REQUEST_TIMEOUT_SECONDS,
        // Connection i is client i, like the i-th terminal of the original experiment.
        setupClient(client) {
          const tally = tallies.add();
          client.setRequests([
            { method: 'GET', path: options.path ?? clientPath(options.pathTemplate, tally.clientId) },
          ]);
          client.on('response', (statusCode, _bytes, responseTimeMs) => {
            if (statusCode >= 200 && statusCode <= 299) tallies.served(tally, responseTimeMs);
          });
        },
      },
      (error: unknown, result) => {
        if (error !== null && error !== undefined) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const { p50, p90, p99, max, mean } = result.latency;
        resolve({
          result: {
            durationSeconds: result.duration,
            ok: result['2xx'],
            errors: result.errors,
            timeouts: result.timeouts,
            non2xx: result.non2xx,
            latencyMs: result['2xx'] > 0 ? { p50, p90, p99, max, mean } : null,
            servedLatencyMs: tallies.servedLatencySummary(),
            statusCounts: Object.fromEntries(
              Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count ?? 0]),
            ),
          },
          clients: tallies.clients(),
        });
      },
    );
    autocannon.track(instance, {
      renderProgressBar: options.showProgress,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
  });
}
