// The experiment's core claims, checked on the real server: who overlapped and who did not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkEvent } from '../server/log-line.ts';
import { concurrentRequests, startTestServer, stats } from './helpers/server.ts';

/** Long enough (tens of ms) that four requests sent together certainly overlap where they can. */
const OVERLAPPING_WORK = 50_000_000;

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

async function settledEvents(
  server: { recorded(): readonly WorkEvent[] },
  expected: number,
): Promise<readonly WorkEvent[]> {
  // Log lines travel through a pipe; wait (bounded) until all of them arrived.
  for (let i = 0; i < 100 && server.recorded().length < expected; i++) await new Promise((r) => setTimeout(r, 20));
  return server.recorded();
}

test('inline: four concurrent requests run one at a time and their log lines never interleave', async (t) => {
  const server = await startTestServer(t, 'inline', { iterations: OVERLAPPING_WORK });
  server.record();
  assert.deepEqual(await concurrentRequests(server, 4), [200, 200, 200, 200]);
  assert.equal((await stats(server)).maxInFlight, 1);
  const events = await settledEvents(server, 8);
  assert.equal(events.length, 8);
  assert.equal(maxOpen(events), 1);
  for (let i = 0; i < events.length; i += 2) {
    assert.equal(events[i]?.kind, 'Start');
    assert.equal(events[i + 1]?.kind, 'End');
    assert.equal(events[i]?.clientId, events[i + 1]?.clientId);
  }
});

test('pool of 4: four concurrent requests overlap', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 4, iterations: OVERLAPPING_WORK });
  server.record();
  assert.deepEqual(await concurrentRequests(server, 4), [200, 200, 200, 200]);
  const body = await stats(server);
  assert.ok(body.maxInFlight > 1, `max in flight was ${body.maxInFlight}`);
  assert.ok(maxOpen(await settledEvents(server, 8)) > 1);
  const threads = new Set((await settledEvents(server, 8)).map((event) => event.threadId));
  assert.ok(threads.size > 1, 'the work ran on more than one thread');
  assert.ok(!threads.has(0), 'no work ran on the main thread');
});

test('pool of 1: four concurrent requests queue and run exactly one at a time', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 1, iterations: OVERLAPPING_WORK });
  assert.deepEqual(await concurrentRequests(server, 4), [200, 200, 200, 200]);
  const body = await stats(server);
  assert.equal(body.maxInFlight, 1);
  assert.equal(body.maxInHandler, 4, 'all four were accepted and waited for the one thread');
  assert.equal(body.served, 4);
});
