// The clients that honour Retry-After, against a server of the test's own that turns every request
// away: each client waits the second it is told before asking again, and stops when the loop ends.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { DriverEvents } from '../loadtests/load/load-driver.ts';
import { startRetryAfterDriver } from '../loadtests/load/retry-after-driver.ts';
import { waitFor } from './helpers/wait-for.ts';

const RETRY_AFTER_SECONDS = 1;
const CONNECTIONS = 3;
/** Requests each client makes before the loop ends: the first, then one after each Retry-After. */
const REQUESTS_EACH = 3;

test('a client told Retry-After: 1 asks again no sooner than a second later', async (t) => {
  const seen = new Map<string, number[]>(); // path -> arrival times (ms, this process's clock)
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    seen.set(path, [...(seen.get(path) ?? []), performance.now()]);
    response.writeHead(503, { 'retry-after': String(RETRY_AFTER_SECONDS), 'content-type': 'application/json' });
    response.end('{"error":"queue_full"}');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  t.after(() => server.close());
  const { port } = server.address() as AddressInfo;

  const answers: number[] = [];
  const events: DriverEvents = {
    answer: (_clientId, status) => answers.push(status),
    failure: (clientId, kind) => assert.fail(`client ${clientId}: ${kind}`),
  };
  const driver = startRetryAfterDriver(
    {
      origin: `http://127.0.0.1:${port}`,
      pathOf: (clientId) => `/${clientId}`,
      connections: CONNECTIONS,
      requestTimeoutSeconds: 10,
      newConnection: false,
    },
    events,
  );
  t.after(() => driver.abort());
  await waitFor(
    () => seen.size === CONNECTIONS && [...seen.values()].every((times) => times.length >= REQUESTS_EACH),
    `${REQUESTS_EACH} requests from each of ${CONNECTIONS} clients`,
  );
  await driver.finish(); // cuts the clients' waits short: no request after this
  const sentBeforeEnd = [...seen.values()].reduce((sum, times) => sum + times.length, 0);
  assert.equal(driver.outstanding(), 0);
  assert.equal(answers.length, sentBeforeEnd);
  assert.ok(answers.every((status) => status === 503));
  for (const [path, times] of seen) {
    for (let i = 1; i < times.length; i++) {
      const gapMs = (times[i] ?? 0) - (times[i - 1] ?? 0);
      assert.ok(gapMs >= RETRY_AFTER_SECONDS * 1000 - 1, `${path} asked again after ${gapMs} ms`);
    }
  }
});
