// The keep-alive closed loop on autocannon: one connection per client, pipelining 1, each asking
// again as soon as it is answered. We read every answer from the clients' own `response` events
// (fractional ms), so the window, not autocannon's run, decides what counts.
import autocannon from 'autocannon';
import { type DriverEvents, type DriverOptions, InFlight, JSON_CONTENT_TYPE, type LoadDriver } from './load-driver.ts';

/** Checked every this many ms for "every client has stopped"; autocannon's default is a second. */
const SAMPLE_INTERVAL_MS = 100;
/** Only a safety net: the continuous loop ends the run itself, gracefully or by abort(). */
const SAFETY_DURATION_SECONDS = 24 * 3600;

/**
 * autocannon's client stops sending once `reqsMade` reaches `responseMax` (its per-connection
 * request budget, `maxConnectionRequests`). Setting the budget to what each client has already
 * sent is a graceful end: it waits for its outstanding answer, then stops. These fields are
 * autocannon's, not in its types; test/continuous-loop.test.ts guards them.
 */
interface RequestBudget {
  reqsMade: number;
  responseMax?: number;
}

export function startAutocannonDriver(options: DriverOptions, events: DriverEvents): LoadDriver {
  const inFlight = new InFlight();
  const budgets: RequestBudget[] = [];
  let clientCount = 0;
  let finished!: () => void;
  let failed!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  done.catch(() => {}); // an early failure is rethrown to whoever awaits finish() or abort()
  const instance = autocannon(
    {
      url: options.origin,
      connections: options.connections,
      pipelining: 1,
      duration: SAFETY_DURATION_SECONDS,
      timeout: options.requestTimeoutSeconds,
      sampleInt: SAMPLE_INTERVAL_MS,
      // Connection i is client i, like the i-th terminal of the original experiment.
      setupClient(client) {
        const clientId = ++clientCount;
        budgets.push(client as unknown as RequestBudget);
        const path = options.pathOf(clientId);
        const { body } = options;
        client.setRequests([
          body === undefined || body === null
            ? { method: 'GET', path }
            : {
                method: 'POST',
                path,
                body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
                headers: { ...JSON_CONTENT_TYPE },
              },
        ]);
        // 'request', 'timeout' and 'connError' are autocannon client events its types leave out.
        const emitter: NodeJS.EventEmitter = client;
        emitter.on('request', () => inFlight.sent());
        client.on('response', (status: number, _bytes: number, latencyMs: number) => {
          inFlight.settled();
          events.answer(clientId, status, latencyMs);
        });
        emitter.on('timeout', () => {
          inFlight.settled();
          events.failure(clientId, 'timeout');
        });
        emitter.on('connError', () => {
          inFlight.settled();
          events.failure(clientId, 'error');
        });
      },
    },
    (error: unknown) => {
      if (error === null || error === undefined) finished();
      else failed(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return {
    outstanding: () => Math.max(0, inFlight.count()),
    finish() {
      for (const budget of budgets) budget.responseMax = Math.max(1, budget.reqsMade);
      return done;
    },
    close: () => Promise.resolve(), // no processes of its own
    abort() {
      instance.stop();
      return done;
    },
  };
}
