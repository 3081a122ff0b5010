// --new-connection: curl's loop, a new TCP connection for every request, closed after the answer.
// autocannon's reconnectRate recorded no answers from uvicorn here, so this engine runs on Node's
// own HTTP client with no agent (no socket reuse).
import { type ClientRequest, request as send } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type DriverEvents, type DriverOptions, InFlight, type LoadDriver, postHeaders } from './load-driver.ts';

type Outcome = { readonly state: 'answered'; readonly status: number } | { readonly state: 'error' | 'timeout' };

/** One request on its own connection; settles when the connection is closed, whatever happened. */
function attempt(url: string, timeoutMs: number, open: Set<ClientRequest>, body: Uint8Array | null): Promise<Outcome> {
  return new Promise((settle) => {
    let outcome: Outcome = { state: 'error' };
    const method = body === null ? { method: 'GET' } : { method: 'POST', headers: postHeaders(body) };
    const request = send(url, { agent: false, timeout: timeoutMs, ...method }, (response) => {
      response.resume();
      response.on('end', () => {
        outcome = { state: 'answered', status: response.statusCode ?? 0 };
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
      settle(outcome);
    });
    request.end(body ?? undefined);
  });
}

export function startFreshConnectionDriver(options: DriverOptions, events: DriverEvents): LoadDriver {
  const inFlight = new InFlight();
  const open = new Set<ClientRequest>();
  let stopping = false;
  let aborted = false;

  const client = async (clientId: number): Promise<void> => {
    const url = `${options.origin}${options.pathOf(clientId)}`;
    while (!stopping) {
      const sentAt = performance.now();
      inFlight.sent();
      const outcome = await attempt(url, options.requestTimeoutSeconds * 1000, open, options.body ?? null);
      inFlight.settled();
      if (aborted) return; // dropped by abort(): neither an answer nor a failure
      if (outcome.state === 'answered') events.answer(clientId, outcome.status, performance.now() - sentAt);
      else {
        events.failure(clientId, outcome.state);
        await nextTurn(); // a refused connection must not spin the loop without yielding
      }
    }
  };
  const clients = Promise.all(Array.from({ length: options.connections }, (_, i) => client(i + 1)));
  return {
    outstanding: () => inFlight.count(),
    finish() {
      stopping = true;
      return clients.then(() => undefined);
    },
    close: () => Promise.resolve(), // no processes of its own
    abort() {
      stopping = true;
      aborted = true;
      for (const request of open) request.destroy();
      return clients.then(() => undefined);
    },
  };
}
