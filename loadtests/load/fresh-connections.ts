// --new-connection: curl's loop, a new TCP connection for every request, closed after the answer.
// autocannon's reconnectRate recorded no answers from uvicorn here, so this mode runs on Node's
// own HTTP client with no agent (no socket reuse). Same closed loop, same result shape.
import { get, type ClientRequest } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { REQUEST_TIMEOUT_SECONDS, type ClosedLoopOptions, type ClosedLoopResult } from './load-result.ts';
import { latencyColumns } from '../report/percentile.ts';
import { ClientTallies, type RunningTally } from './client-tallies.ts';
import { clientPath } from './target-url.ts';

type Outcome =
  | { readonly state: 'ok'; readonly latencyMs: number; readonly status: number }
  | { readonly state: 'non2xx'; readonly status: number }
  | { readonly state: 'error' | 'timeout' | 'dropped' };

/** One request on its own connection; settles when the connection is closed, whatever happened. */
function attempt(url: string, open: Set<ClientRequest>, isStopped: () => boolean): Promise<Outcome> {
  return new Promise((settle) => {
    const sentAt = performance.now();
    let outcome: Outcome = { state: 'error' };
    const request = get(url, { agent: false, timeout: REQUEST_TIMEOUT_SECONDS * 1000 }, (response) => {
      response.resume();
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        // Answered after the window closed: not counted, as autocannon drops those.
        if (isStopped()) outcome = { state: 'dropped' };
        else
          outcome =
            status >= 200 && status <= 299
              ? { state: 'ok', latencyMs: performance.now() - sentAt, status }
              : { state: 'non2xx', status };
      });
    });
    open.add(request);
    request.on('timeout', () => {
      outcome = { state: 'timeout' };
      request.destroy();
    });
    request.on('error', () => {}); // the outcome already says error (or timeout)
    request.on('close', () => {
      open.delete(request);
      settle(isStopped() && outcome.state !== 'ok' ? { state: 'dropped' } : outcome);
    });
  });
}

export async function runFreshConnectionLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const tallies = new ClientTallies();
  const counts = { errors: 0, timeouts: 0, non2xx: 0 };
  const statusCounts: Record<string, number> = {};
  const open = new Set<ClientRequest>();
  let stopped = false;
  const isStopped = (): boolean => stopped;
  const startedAt = performance.now();
  const clients = Array.from({ length: options.connections }, () => tallies.add());

  const loop = async (tally: RunningTally): Promise<void> => {
    const url = `${options.origin}${options.path ?? clientPath(options.pathTemplate, tally.clientId)}`;
    while (!stopped) {
      const outcome = await attempt(url, open, isStopped);
      if (outcome.state === 'ok' || outcome.state === 'non2xx')
        statusCounts[outcome.status] = (statusCounts[outcome.status] ?? 0) + 1;
      if (outcome.state === 'ok') tallies.served(tally, outcome.latencyMs);
      else if (outcome.state === 'non2xx') counts.non2xx++;
      else if (outcome.state === 'timeout') counts.timeouts++;
      else if (outcome.state === 'error') {
        counts.errors++;
        await nextTurn(); // a refused connection must not spin the loop without yielding
      }
    }
  };

  const loops = Promise.all(clients.map(loop));
  await new Promise((resolve) => setTimeout(resolve, options.durationSeconds * 1000));
  stopped = true;
  const durationSeconds = (performance.now() - startedAt) / 1000;
  for (const request of open) request.destroy(); // requests still out when the window closes are dropped
  await loops;
  return {
    result: {
      durationSeconds,
      ok: tallies.servedLatenciesMs.length,
      ...counts,
      latencyMs: latencyColumns(tallies.servedLatenciesMs),
      servedLatencyMs: tallies.servedLatencySummary(),
      statusCounts,
    },
    clients: tallies.clients(),
  };
}
