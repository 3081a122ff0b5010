// "listening" means every pool thread answers: the warm-up runs one no-op task on each thread before
// the server listens, so a short window read right after the listening line counts no thread start-up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConcurrencyGauge } from '../server/gauge.ts';
import type { JobResult } from '../server/job.ts';
import { createPool, loadPiscina } from '../server/variants/pool/index.ts';
import { TaskProgress } from '../server/variants/pool/task-progress.ts';
import { warmEveryThread } from '../server/variants/pool/warm-up.ts';
import type { PoolTask, PoolWorkerData } from '../server/variants/pool/worker.ts';
import { ENDLESS_ITERATIONS, HOLD_MS, sendAll } from './helpers/hold.ts';
import { loggedEvents, startTestServer, stats, statsWhen } from './helpers/server.ts';

/** More threads than the test machine's 2 cores: the barrier must not depend on threads running at once. */
const THREADS = 3;

test('warm-up: every thread of the pool answers once, and a task sent afterwards runs on one of them', async (t) => {
  const gauge = new ConcurrencyGauge();
  const workerData: PoolWorkerData = { gaugeBuffer: gauge.buffer, handler: null };
  const pool = createPool<PoolTask, JobResult>(await loadPiscina(), {
    filename: new URL('../server/variants/pool/worker.ts', import.meta.url).href,
    poolSize: THREADS,
    workerData,
  });
  t.after(() => pool.close());
  const warmed = await warmEveryThread(pool, THREADS);
  assert.equal(warmed.length, THREADS);
  assert.deepEqual(new Set(warmed), new Set(pool.threads.map((thread) => thread.threadId)), "the pool's own threads");
  const request = {
    clientId: 1,
    work: 'cpu',
    iterations: 1_000,
    rounds: 1,
    ioMs: 1,
    blockingIoMs: 0,
    quiet: true,
    fault: 'none',
    body: null,
  } as const;
  const result = await pool.run({ request, progress: new TaskProgress().buffer });
  assert.ok(warmed.includes(result.threadId), `thread ${result.threadId} is one of ${warmed.join(', ')}`);
  assert.equal(gauge.current, 0, 'the warm-up never entered the gauge');
});

test('pool server: its settings say every thread answered, and held requests sent at once after the listening line all run', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: THREADS,
    iterations: ENDLESS_ITERATIONS,
    timeoutMs: HOLD_MS,
  });
  const before = await stats(server);
  assert.equal(before.settings.threadsAnswered, THREADS);
  assert.equal(before.served + before.failed, 0, 'the warm-up is no request');
  assert.equal(before.pool?.completed, 0, "nor is it in the pool's run times");
  server.record();
  const answers = sendAll(server, THREADS);
  await statsWhen(server, (body) => body.inFlight === THREADS, `all ${THREADS} requests to run at once`);
  const threads = new Set((await loggedEvents(server, THREADS)).map((event) => event.threadId));
  assert.equal(threads.size, THREADS, 'each on a thread of its own');
  for (const answer of await Promise.all(answers)) assert.deepEqual(answer, { status: 504, error: 'deadline_running' });
});
