// The server past its limits: a full queue, deadlines, faults, oversized input, a second signal.
// Each test starts its own real server on port 0 and drives it over HTTP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULT_EXIT_CODE } from '../server/job.ts';
import type { WorkEvent } from '../server/log-line.ts';
import { answerOf, ENDLESS_ITERATIONS, HOLD_MS, warmPool } from './helpers/hold.ts';
import { getJson, startTestServer, stats, statsWhen } from './helpers/server.ts';
import { waitFor } from './helpers/wait-for.ts';
import { MAX_BODY_BYTES } from '../server/workload-flags.ts';

interface ErrorBody {
  readonly error: string;
  readonly message: string;
}

/** Far more than the 1 ms deadline the inline test sets: no CPU counts this far in a millisecond. */
const INLINE_WORK = 100_000_000;

const starts = (events: readonly WorkEvent[]): number[] =>
  events.filter((event) => event.kind === 'Start').map((event) => event.clientId);

test('pool: a full queue answers 503 with Retry-After and a JSON error at once (unpaced), and the server keeps serving', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: 1,
    maxQueue: 1,
    shedHoldMs: 0,
    iterations: ENDLESS_ITERATIONS,
    timeoutMs: HOLD_MS,
    faultRoutes: true,
  });
  server.record();
  const running = answerOf(server, '/1');
  await statsWhen(server, (body) => body.inFlight === 1, 'client 1 to run on the only worker');
  const waiting = answerOf(server, '/2');
  await statsWhen(server, (body) => body.inHandler === 2, 'client 2 to wait in the queue');

  const refused = await fetch(`${server.baseUrl}/3`);
  assert.equal(refused.status, 503, 'one runs, one waits, the third is turned away');
  assert.equal(refused.headers.get('retry-after'), '1');
  assert.deepEqual(await refused.json(), {
    error: 'queue_full',
    message: 'all 1 workers are busy and 1 requests already wait (--max-queue); try again later',
  });
  const meanwhile = await stats(server);
  assert.deepEqual([meanwhile.inFlight, meanwhile.inHandler], [1, 2], 'turned away at once, while 1 and 2 were held');

  // The held requests end at their deadline; once a new worker has replaced the stopped one, the
  // queue takes requests again.
  assert.deepEqual(await running, { status: 504, error: 'deadline_running' });
  assert.ok([503, 504].includes((await waiting).status));
  assert.equal((await stats(server)).failed, 3);
  await warmPool(server, 1);
  assert.deepEqual(await answerOf(server, '/4'), { status: 504, error: 'deadline_running' }, 'admitted, and ran');
  await waitFor(() => starts(server.recorded()).includes(4), 'client 4 to start on a worker');
});

test('pool: a deadline passed while queued gives 503 and the task never runs; one passed while running gives 504 and stops the work', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: 1,
    maxQueue: 4,
    timeoutMs: HOLD_MS,
    iterations: ENDLESS_ITERATIONS,
    faultRoutes: true,
  });
  server.record();
  // Sent together: the second's deadline passes moments after the first's, while the worker that
  // replaces the stopped one is still starting, so the second never runs.
  const [first, second] = await Promise.all([1, 2].map((id) => getJson<ErrorBody>(server, `/${id}`)));
  const byStatus = new Map([first!, second!].map((answer) => [answer.status, answer.body]));
  assert.deepEqual([...byStatus.keys()].sort(), [503, 504]);
  assert.deepEqual(byStatus.get(503), {
    error: 'deadline_queued',
    message: `no worker was free within ${HOLD_MS} ms (--timeout-ms); the request never ran`,
  });
  assert.deepEqual(byStatus.get(504), {
    error: 'deadline_running',
    message: `the work did not finish within ${HOLD_MS} ms (--timeout-ms); it was aborted`,
  });

  const afterTwo = await stats(server);
  assert.equal(afterTwo.inFlight, 0, 'stopped work is no longer counted as running');
  assert.equal(afterTwo.failed, 2);

  // A third request runs on the worker that replaced the stopped one, once that one has started.
  await warmPool(server, 1);
  assert.equal((await getJson(server, '/3')).status, 504);
  const ran = await waitFor(() => {
    const started = starts(server.recorded());
    return started.length >= 2 && started;
  }, 'two start lines in the log');
  const queued = first!.status === 503 ? 1 : 2;
  assert.deepEqual(ran, [3 - queued, 3], `client ${queued} never started; the others did, once each`);
  assert.equal((await stats(server)).inFlight, 0);
});

test('pool: a job that throws gives that request 500 with a JSON error; the next request succeeds', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 1, faultRoutes: true });
  const thrown = await getJson<ErrorBody>(server, '/fault/throw');
  assert.equal(thrown.status, 500);
  assert.deepEqual(thrown.body, {
    error: 'worker_failed',
    message: 'the worker running this request failed: fault injected: the job threw',
  });
  assert.equal((await getJson(server, '/1')).status, 200);
});

test('pool: a worker that exits fails only its own request, and a new worker replaces it', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 1, faultRoutes: true });
  const before = await getJson<{ threadId: number }>(server, '/1');
  const died = await getJson<ErrorBody>(server, '/fault/exit');
  assert.equal(died.status, 500);
  assert.deepEqual(died.body, {
    error: 'worker_failed',
    message: `the worker running this request failed: worker exited with code: ${FAULT_EXIT_CODE}`,
  });
  const after = await getJson<{ threadId: number }>(server, '/2');
  assert.equal(after.status, 200, 'the pool of one kept serving');
  assert.notEqual(after.body.threadId, before.body.threadId, 'on a new thread');
  assert.equal((await stats(server)).inFlight, 0);
});

test('inline: /stats says its work cannot be aborted, and a deadline does not cut the loop short', async (t) => {
  const server = await startTestServer(t, 'inline', { timeoutMs: 1, iterations: INLINE_WORK });
  assert.equal((await stats(server)).settings.abortable, false);
  const answer = await getJson<{ counter: number }>(server, '/1');
  assert.equal(answer.status, 200);
  assert.equal(answer.body.counter, INLINE_WORK, 'the loop ran to its end, past the 1 ms deadline');
});

test('oversized headers get 431 from Node, a body over the bound 413, one nobody reads 404, and the server keeps serving', async (t) => {
  const server = await startTestServer(t, 'inline');
  const big = await fetch(`${server.baseUrl}/health`, { headers: { 'x-big': 'a'.repeat(64 * 1024) } });
  assert.equal(big.status, 431);
  const tooLarge = await fetch(`${server.baseUrl}/1`, { method: 'POST', body: new Uint8Array(MAX_BODY_BYTES + 1) });
  assert.equal(tooLarge.status, 413);
  const unread = await fetch(`${server.baseUrl}/no/route`, { method: 'POST', body: new Uint8Array(8 * 2 ** 20) });
  assert.equal(unread.status, 404);
  assert.equal((await getJson(server, '/health')).status, 200);
});

test('a second signal while closing exits at once with 130, cutting the request in flight', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 1, iterations: ENDLESS_ITERATIONS });
  server.record();
  const answer = fetch(`${server.baseUrl}/1`).then(
    (response) => response.status,
    () => 'cut',
  );
  await waitFor(() => starts(server.recorded()).includes(1), 'client 1 to start');
  process.kill(server.pid, 'SIGTERM');
  // The server's own stderr says when it has taken the first signal.
  await waitFor(() => server.stderrTail().includes('SIGTERM: closing'), 'the server to log that it is closing');
  process.kill(server.pid, 'SIGINT');
  assert.deepEqual(await server.exited, { code: 130, signal: null });
  assert.equal(await answer, 'cut');
});
