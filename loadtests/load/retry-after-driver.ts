// Closed-loop clients that honour Retry-After (--retry retry-after): each asks again at once after a
// served answer, but after a turn-away (503, 504, 429) waits what the server said, or backs off with
// jitter when it said nothing (retry-policy.ts). Node's own client, keep-alive (or a connection per
// request with --new-connection); the same LoadDriver contract as autocannon's.
import { setMaxListeners } from 'node:events';
import { Agent, type ClientRequest, request as send } from 'node:http';
import { setTimeout as sleep, setImmediate as nextTurn } from 'node:timers/promises';
import { type DriverEvents, type DriverOptions, InFlight, type LoadDriver, postHeaders } from './load-driver.ts';
import { retryAfterMs, retryDelayMs, TURNED_AWAY_STATUSES } from './retry-policy.ts';

type Outcome =
  | { readonly state: 'answered'; readonly status: number; readonly retryAfter: string | undefined }
  | { readonly state: 'error' | 'timeout' };

/** One request; settles once its answer has been read whole, or it failed. */
function attempt(
  url: string,
  agent: Agent | false,
  timeoutMs: number,
  open: Set<ClientRequest>,
  body: Uint8Array | null,
) {
  return new Promise<Outcome>((settle) => {
    const method = body === null ? { method: 'GET' } : { method: 'POST', headers: postHeaders(body) };
    const request = send(url, { agent, timeout: timeoutMs, ...method }, (response) => {
      response.resume();
      response.on('end', () => {
        open.delete(request);
        const retryAfter = response.headers['retry-after'];
        settle({ state: 'answered', status: response.statusCode ?? 0, retryAfter });
      });
    });
    open.add(request);
    request.on('timeout', () => {
      settle({ state: 'timeout' });
      request.destroy();
    });
    request.on('error', () => settle({ state: 'error' })); // a settled promise ignores the second call
    request.on('close', () => {
      open.delete(request);
      settle({ state: 'error' }); // destroyed mid-answer (abort): no 'end' and no 'error' come
    });
    request.end(body ?? undefined);
  });
}

export interface RetryAfterOptions extends DriverOptions {
  /** A connection per request, closed after the answer, instead of keep-alive. */
  readonly newConnection: boolean;
  /** [0, 1): the jitter's source; Math.random unless a test fixes it. */
  readonly random?: () => number;
}

export function startRetryAfterDriver(options: RetryAfterOptions, events: DriverEvents): LoadDriver {
  const inFlight = new InFlight();
  const open = new Set<ClientRequest>();
  const agent = options.newConnection ? false : new Agent({ keepAlive: true, maxSockets: options.connections });
  const waits = new AbortController(); // ends every client's wait at once when the loop stops
  setMaxListeners(options.connections, waits.signal); // one waiting client each: no leak
  const random = options.random ?? Math.random;
  let stopping = false;
  let aborted = false;

  const client = async (clientId: number): Promise<void> => {
    const url = `${options.origin}${options.pathOf(clientId)}`;
    let turnedAwayInARow = 0;
    while (!stopping) {
      const sentAt = performance.now();
      inFlight.sent();
      const outcome = await attempt(url, agent, options.requestTimeoutSeconds * 1000, open, options.body ?? null);
      inFlight.settled();
      if (aborted) return; // dropped by abort(): neither an answer nor a failure
      if (outcome.state !== 'answered') {
        events.failure(clientId, outcome.state);
        await nextTurn(); // a refused connection must not spin the loop without yielding
        continue;
      }
      events.answer(clientId, outcome.status, performance.now() - sentAt);
      if (!TURNED_AWAY_STATUSES.includes(outcome.status)) {
        turnedAwayInARow = 0;
        continue;
      }
      turnedAwayInARow++;
      const waitMs = retryDelayMs(retryAfterMs(outcome.retryAfter, Date.now()), turnedAwayInARow, random);
      await sleep(waitMs, undefined, { signal: waits.signal }).catch(() => {}); // cut short by finish or abort
    }
  };
  const clients = Promise.all(Array.from({ length: options.connections }, (_, i) => client(i + 1)));
  const stopped = async (): Promise<void> => {
    await clients;
    if (agent !== false) agent.destroy();
  };
  return {
    outstanding: () => inFlight.count(),
    finish() {
      stopping = true;
      waits.abort();
      return stopped();
    },
    abort() {
      stopping = true;
      aborted = true;
      waits.abort();
      for (const request of open) request.destroy();
      return stopped();
    },
    close: () => Promise.resolve(), // no processes of its own
  };
}
