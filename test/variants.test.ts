// What sets each concurrency model apart, checked on the real server by counts, never by time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuBetween, snapshot, type ProcessSnapshot } from '../loadtests/observe/proc-snapshot.ts';
import { concurrentRequests, startTestServer, stats } from './helpers/server.ts';

/** Tens of milliseconds a request: long enough that requests sent together overlap where they can. */
const OVERLAPPING_WORK = 50_000_000;

async function eventsOf(
  server: { recorded(): readonly { kind: string; pid: number | null; threadId: number | null }[] },
  expected: number,
) {
  for (let i = 0; i < 100 && server.recorded().length < expected; i++) await new Promise((r) => setTimeout(r, 20));
  return server.recorded();
}

/** Threads other than the main one that used at least `minMs` of CPU between two snapshots. */
function helperThreadsThatWorked(pid: number, before: ProcessSnapshot, after: ProcessSnapshot, minMs: number): number {
  let count = 0;
  for (const [tid, thread] of after.threads) {
    if (tid === pid) continue;
    if (thread.cpuMs - (before.threads.get(tid)?.cpuMs ?? 0) >= minMs) count++;
  }
  return count;
}

test('chunked: concurrent requests interleave, yet all the work runs on the one main thread', async (t) => {
  const server = await startTestServer(t, 'chunked', { iterations: OVERLAPPING_WORK, sliceIterations: 1_000_000 });
  server.record();
  assert.deepEqual(await concurrentRequests(server, 4), [200, 200, 200, 200]);
  assert.ok((await stats(server)).maxInFlight > 1, 'requests were in flight together');
  const events = await eventsOf(server, 8);
  assert.equal(events.length, 8);
  assert.deepEqual([...new Set(events.map((event) => `${event.pid}/${event.threadId}`))], [`${server.pid}/0`]);
});

test('cluster: concurrent connections are spread over more than one process', async (t) => {
  const server = await startTestServer(t, 'cluster', { workers: 2, iterations: OVERLAPPING_WORK });
  server.record();
  assert.deepEqual(await concurrentRequests(server, 4), [200, 200, 200, 200]);
  const pids = new Set((await eventsOf(server, 8)).map((event) => event.pid));
  assert.ok(pids.size > 1, `served by ${pids.size} process(es)`);
  assert.ok(!pids.has(server.pid), 'the primary serves no request itself');
  assert.ok((await stats(server)).maxInFlight > 1, "the primary's tally saw two workers busy at once");
});

for (const [uvThreads, expectation] of [
  [1, 'exactly one'],
  [4, 'more than one'],
] as const) {
  test(`libuv --uv-threads ${uvThreads}: ${expectation} threadpool thread does the hashing`, async (t) => {
    const server = await startTestServer(t, 'libuv', { uvThreads, iterations: OVERLAPPING_WORK });
    const before = await snapshot(server.pid);
    assert.deepEqual(await concurrentRequests(server, 4), [200, 200, 200, 200]);
    const after = await snapshot(server.pid);
    assert.ok(before !== null && after !== null);
    const busiest = Math.max(
      ...[...after.threads].map(([tid, thread]) => thread.cpuMs - (before.threads.get(tid)?.cpuMs ?? 0)),
    );
    // A thread "did the hashing" when it used at least a fifth of the busiest thread's CPU.
    const workers = helperThreadsThatWorked(server.pid, before, after, busiest / 5);
    if (uvThreads === 1) assert.equal(workers, 1);
    else assert.ok(workers > 1, `${workers} thread(s) hashed`);
    assert.ok(cpuBetween(before, after).threads > 0);
  });
}

test('io: 64 concurrent requests are all waiting at the same time', async (t) => {
  const server = await startTestServer(t, 'io', { ioMs: 1_000 });
  const statuses = await concurrentRequests(server, 64);
  assert.ok(statuses.every((status) => status === 200));
  assert.equal((await stats(server)).maxInFlight, 64);
});

test('pool doing io work: only pool-size requests wait at once', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 2, work: 'io', ioMs: 50 });
  assert.ok((await concurrentRequests(server, 8)).every((status) => status === 200));
  const body = await stats(server);
  assert.equal(body.maxInFlight, 2);
  assert.equal(body.maxInHandler, 8);
});
