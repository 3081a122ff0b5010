// The experiment's core claims, checked on the real server: who overlapped and who did not.
// Requests are held in the server while the test looks, so nothing depends on the machine's speed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkEvent } from '../server/log-line.ts';
import { arrivingTogether, ENDLESS_ITERATIONS, HOLD_MS, sendAll } from './helpers/hold.ts';
import { loggedEvents, startTestServer, stats, statsWhen } from './helpers/server.ts';

/** Tens of milliseconds a request: long enough that an event loop that could interleave would. */
const INLINE_WORK = 50_000_000;

/** The most work units open at once according to the server's own start/end lines. */
function maxOpen(events: readonly WorkEvent[]): number {
  let open = 0;
  let max = 0;
  for (const event of events) {
    open += event.kind === 'Start' ? 1 : -1;
    max = Math.max(max, open);
  }
  return max;
}

test('inline: four concurrent requests run one at a time and their log lines never interleave', async (t) => {
  const server = await startTestServer(t, 'inline', { iterations: INLINE_WORK });
  server.record();
  assert.deepEqual(await arrivingTogether(server, 4), [200, 200, 200, 200]);
  assert.equal((await stats(server)).maxInFlight, 1);
  const events = await loggedEvents(server, 8);
  assert.equal(events.length, 8);
  assert.equal(maxOpen(events), 1);
  for (let i = 0; i < events.length; i += 2) {
    assert.equal(events[i]?.kind, 'Start');
    assert.equal(events[i + 1]?.kind, 'End');
    assert.equal(events[i]?.clientId, events[i + 1]?.clientId);
  }
});

test('pool of 4: four concurrent requests overlap', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: 4,
    iterations: ENDLESS_ITERATIONS,
    timeoutMs: HOLD_MS,
    faultRoutes: true,
  });
  server.record();
  const answers = sendAll(server, 4);
  await statsWhen(server, (body) => body.inFlight === 4, 'all four requests to run at once');
  const threads = new Set((await loggedEvents(server, 4)).map((event) => event.threadId));
  assert.equal(threads.size, 4, 'each on a thread of its own');
  assert.ok(!threads.has(0), 'no work ran on the main thread');
  // Their deadline ends the held work.
  for (const answer of await Promise.all(answers)) assert.deepEqual(answer, { status: 504, error: 'deadline_running' });
  assert.equal((await stats(server)).maxInFlight, 4);
});

test('pool of 1: four concurrent requests queue and run exactly one at a time', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: 1,
    iterations: ENDLESS_ITERATIONS,
    timeoutMs: HOLD_MS,
    faultRoutes: true,
  });
  const answers = sendAll(server, 4);
  await statsWhen(
    server,
    (body) => body.inHandler === 4 && body.inFlight === 1,
    'one request to run while three wait for the one thread',
  );
  // At their deadline the one running is stopped and the waiting ones leave the queue (or, should
  // the replacement worker be ready in time, run and are stopped in turn).
  for (const answer of await Promise.all(answers)) assert.ok([503, 504].includes(answer.status), `${answer.status}`);
  const body = await stats(server);
  assert.equal(body.maxInFlight, 1);
  assert.equal(body.maxInHandler, 4, 'all four were accepted and waited for the one thread');
  assert.equal(body.failed, 4);
});
