// What sets each concurrency model apart, checked on the real server by counts, never by time.
// Requests are held in the server while the test looks, so nothing depends on the machine's speed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { snapshot } from '../loadtests/observe/proc-snapshot.ts';
import { arrivingTogether, ENDLESS_IO_MS, ENDLESS_ITERATIONS, HOLD_MS, sendAll } from './helpers/hold.ts';
import { loggedEvents, startTestServer, stats, statsWhen } from './helpers/server.ts';
import { threadCpuMs } from './helpers/thread-cpu.ts';

/** Tens of milliseconds of hashing a request: several clock ticks of CPU for each thread that hashes. */
const HASHING_WORK = 100_000_000;

test('chunked: concurrent requests interleave, yet all the work runs on the one main thread', async (t) => {
  const server = await startTestServer(t, 'chunked', {
    iterations: ENDLESS_ITERATIONS,
    sliceIterations: 1_000_000,
    timeoutMs: HOLD_MS,
  });
  server.record();
  const answers = sendAll(server, 4);
  await statsWhen(server, (body) => body.inFlight === 4, 'all four requests to be in flight together');
  const events = await loggedEvents(server, 4);
  assert.deepEqual([...new Set(events.map((event) => `${event.pid}/${event.threadId}`))], [`${server.pid}/0`]);
  // Between two slices the deadline gets its turn: it ends the held work.
  for (const answer of await Promise.all(answers)) assert.deepEqual(answer, { status: 504, error: 'deadline_running' });
});

test('cluster: concurrent connections are spread over more than one process', async (t) => {
  // A cluster's work cannot be aborted: the requests are held by a wait that ends on its own.
  const server = await startTestServer(t, 'cluster', { workers: 2, work: 'io', ioMs: HOLD_MS });
  server.record();
  const answers = sendAll(server, 4);
  await statsWhen(server, (body) => body.inFlight === 4, "the primary's tally to count all four in flight");
  const pids = new Set((await loggedEvents(server, 4)).map((event) => event.pid));
  assert.equal(pids.size, 2, 'both workers hold requests at once');
  assert.ok(!pids.has(server.pid), 'the primary serves no request itself');
  assert.deepEqual(
    (await Promise.all(answers)).map((answer) => answer.status),
    [200, 200, 200, 200],
  );
});

for (const [uvThreads, expectation] of [
  [1, 'exactly one'],
  [4, 'more than one'],
] as const) {
  test(`libuv --uv-threads ${uvThreads}: ${expectation} threadpool thread does the hashing`, async (t) => {
    const server = await startTestServer(t, 'libuv', { uvThreads, iterations: HASHING_WORK });
    const before = await snapshot(server.pid);
    assert.deepEqual(await arrivingTogether(server, 4), [200, 200, 200, 200]);
    const after = await snapshot(server.pid);
    assert.ok(before !== null && after !== null);
    assert.equal((await stats(server)).maxInFlight, 4, 'all four hashes were handed to libuv at once');
    const used = threadCpuMs(before, after);
    const [busiestTid, busiestMs] = used[0] ?? [0, 0];
    assert.notEqual(busiestTid, server.pid, "the event loop's thread is not the one that hashed");
    // A thread "did the hashing" when it used at least a fifth of the busiest thread's CPU.
    const hashers = used.filter(([tid, ms]) => tid !== server.pid && ms >= busiestMs / 5).length;
    if (uvThreads === 1) assert.equal(hashers, 1);
    else assert.ok(hashers > 1, `${hashers} thread(s) hashed`);
  });
}

test('io: 64 concurrent requests are all waiting at the same time', async (t) => {
  const server = await startTestServer(t, 'io', { ioMs: HOLD_MS });
  const answers = sendAll(server, 64);
  await statsWhen(server, (body) => body.inFlight === 64, 'all 64 requests to wait at once');
  assert.ok((await Promise.all(answers)).every((answer) => answer.status === 200));
  assert.equal((await stats(server)).maxInFlight, 64);
});

test('pool doing io work: only pool-size requests wait at once', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: 2,
    work: 'io',
    ioMs: ENDLESS_IO_MS,
    timeoutMs: HOLD_MS,
    faultRoutes: true,
  });
  const answers = sendAll(server, 8);
  await statsWhen(
    server,
    (body) => body.inHandler === 8 && body.inFlight === 2,
    'two requests to wait in workers while six wait for one',
  );
  // Their deadline ends them all: stopped in a worker (504), or taken off the queue (503).
  for (const answer of await Promise.all(answers)) assert.ok([503, 504].includes(answer.status), `${answer.status}`);
  const body = await stats(server);
  assert.equal(body.maxInFlight, 2);
  assert.equal(body.maxInHandler, 8);
});
