// Load shedding on a real pool server: a turned-away request is answered 503 with Retry-After after
// its hold (not when a worker frees), no more than --shed-max-held are held at once, and the server
// serves at once when the load drops. The workers wait on a timer (--work io): nothing here needs a
// free core, so a neighbour spinning one changes no outcome.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServerProcess } from '../loadtests/process/server-process.ts';
import { getJson, startTestServer, stats, statsWhen } from './helpers/server.ts';
import { waitFor } from './helpers/wait-for.ts';

/** The one worker's request: long enough to outlast what each test checks while it runs. */
const BUSY_MS = 4_000;

/** Occupies the pool's only worker; `busy` is its answer (wrapped: an async function would adopt it). */
async function occupyWorker(server: ServerProcess): Promise<{ readonly busy: Promise<unknown> }> {
  const busy = fetch(`${server.baseUrl}/1`).catch(() => null);
  await statsWhen(server, (body) => body.inFlight === 1, 'the worker to take the first request');
  return { busy };
}

test('a request turned away for a full queue is held its --shed-hold-ms, then answered 503 with Retry-After', async (t) => {
  const holdMs = 300;
  const server = await startTestServer(t, 'pool', {
    poolSize: 1,
    maxQueue: 0,
    work: 'io',
    ioMs: BUSY_MS,
    shedHoldMs: holdMs,
  });
  await occupyWorker(server);
  const sentAt = performance.now();
  const answer = await getJson<{ error: string }>(server, '/2');
  const waitedMs = performance.now() - sentAt;
  assert.equal(answer.status, 503);
  assert.equal(answer.body.error, 'queue_full');
  assert.equal(answer.headers.get('retry-after'), '1');
  // Node's timers never fire early; the 1 ms is the rounding of their clock against this one.
  assert.ok(waitedMs >= holdMs - 1, `answered after ${waitedMs} ms, before the ${holdMs} ms hold`);
  // Answered by the hold, not by a worker coming free: the first request is still running.
  const after = await stats(server);
  assert.equal(after.inFlight, 1);
  assert.deepEqual(
    { turnedAway: after.shedding?.turnedAway, held: after.shedding?.held, heldNow: after.shedding?.heldNow },
    { turnedAway: 1, held: 1, heldNow: 0 },
  );
});

test('no more than --shed-max-held turned-away requests are held; beyond it the 503 goes at once', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: 1,
    maxQueue: 0,
    work: 'io',
    ioMs: BUSY_MS,
    shedHoldMs: BUSY_MS,
    shedMaxHeld: 2,
  });
  const { busy } = await occupyWorker(server);
  const answered: number[] = [];
  const turnedAway = [2, 3, 4, 5, 6].map((id) =>
    fetch(`${server.baseUrl}/${id}`).then((response) => {
      answered.push(response.status);
      return response.status;
    }),
  );
  await waitFor(() => answered.length >= 3, 'the three requests beyond the bound to be answered');
  const during = await stats(server);
  assert.deepEqual(answered, [503, 503, 503]);
  assert.equal(during.shedding?.heldNow, 2);
  assert.equal(during.shedding?.mostHeld, 2);
  assert.deepEqual(await Promise.all(turnedAway), [503, 503, 503, 503, 503]);
  const after = await stats(server);
  assert.deepEqual(
    { turnedAway: after.shedding?.turnedAway, held: after.shedding?.held, mostHeld: after.shedding?.mostHeld },
    { turnedAway: 5, held: 2, mostHeld: 2 },
  );
  await busy;
});

test('once the load drops, the server serves again within a second', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 1, maxQueue: 1, work: 'io', ioMs: 20 });
  let sending = true;
  // Closed-loop clients that ask again at once, as the overload scenario's do.
  const client = async (id: number): Promise<void> => {
    while (sending) await fetch(`${server.baseUrl}/${id}`).then((response) => response.arrayBuffer());
  };
  const clients = Promise.all(Array.from({ length: 16 }, (_, i) => client(i + 1)));
  await statsWhen(server, (body) => (body.shedding?.turnedAway ?? 0) >= 50, 'the server to turn 50 requests away');
  sending = false;
  const servedAgain = waitFor(
    async () => (await fetch(`${server.baseUrl}/100`)).status === 200,
    'a request served after the load dropped',
    { timeoutMs: 1_000 },
  );
  await Promise.all([servedAgain, clients]);
});
