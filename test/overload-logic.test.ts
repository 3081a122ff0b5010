// The pure parts of load shedding and of polite retries, in-process: the retry wait, the held-request
// bound, the run-time estimate, the answer at the deadline, and which servers an overload row needs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overloadPlanOf } from '../loadtests/cli/overload-flags.ts';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  RETRY_AFTER_SPREAD,
  retryAfterMs,
  retryDelayMs,
} from '../loadtests/load/retry-policy.ts';
import { sheddingServers } from '../loadtests/measure/shedding-servers.ts';
import { overload } from '../loadtests/scenarios/overload.ts';
import { curlLoops } from '../loadtests/scenarios/curl-loops.ts';
import { queueFull } from '../server/errors.ts';
import { answerByDeadline } from '../server/variants/pool/answer-by-deadline.ts';
import { RejectionPacer } from '../server/variants/pool/paced-rejection.ts';
import { RunTimeEstimate } from '../server/variants/pool/run-estimate.ts';

test('Retry-After is read as delta-seconds or an HTTP date; anything else is no header', () => {
  const now = Date.parse('2026-12-08T00:00:00Z');
  assert.equal(retryAfterMs('1', now), 1000);
  assert.equal(retryAfterMs(' 120 ', now), 120_000);
  assert.equal(retryAfterMs('Tue, 08 Dec 2026 00:00:03 GMT', now), 3000);
  assert.equal(retryAfterMs('Tue, 07 Dec 2026 23:00:00 GMT', now), 0);
  assert.equal(retryAfterMs('soon', now), null);
  assert.equal(retryAfterMs(undefined, now), null);
});

test('the wait honours Retry-After, spread above it; without one it backs off, capped, with full jitter', () => {
  assert.equal(
    retryDelayMs(1000, 5, () => 0),
    1000,
  );
  assert.equal(
    retryDelayMs(1000, 1, () => 0.999_999),
    1000 * (1 + RETRY_AFTER_SPREAD * 0.999_999),
  );
  assert.equal(
    retryDelayMs(null, 1, () => 0.5),
    BACKOFF_BASE_MS / 2,
  );
  assert.equal(
    retryDelayMs(null, 3, () => 0.5),
    BACKOFF_BASE_MS * 2,
  );
  assert.equal(
    retryDelayMs(null, 60, () => 0.5),
    BACKOFF_CAP_MS / 2,
  );
  assert.equal(
    retryDelayMs(null, 2, () => 0),
    0,
  );
});

test('the pacer holds at most maxHeld at once and answers the rest at once; a hold of 0 holds none', async () => {
  const pacer = new RejectionPacer(50, 2);
  const order: string[] = [];
  const turn = (name: string) => pacer.turnAway(queueFull(1, 0)).catch((error: Error) => order.push(name) && error);
  const settled = Promise.all([turn('first'), turn('second'), turn('third')]);
  assert.equal(pacer.read().heldNow, 2);
  const errors = await settled;
  assert.deepEqual(order, ['third', 'first', 'second']);
  assert.ok(errors.every((error) => error instanceof Error && error.message.includes('--max-queue')));
  assert.deepEqual(pacer.read(), { holdMs: 50, maxHeld: 2, turnedAway: 3, held: 2, heldNow: 0, mostHeld: 2 });
  pacer.reset();
  assert.deepEqual(pacer.read(), { holdMs: 50, maxHeld: 2, turnedAway: 0, held: 0, heldNow: 0, mostHeld: 0 });
  const unpaced = new RejectionPacer(0, 2);
  await assert.rejects(unpaced.turnAway(queueFull(1, 0)));
  assert.equal(unpaced.read().held, 0);
});

test('the run-time estimate follows the runs and says which deadlines cannot be met', () => {
  const runs = new RunTimeEstimate();
  assert.equal(runs.cannotFinish(0), false); // no run yet: no grounds to refuse
  runs.record(100);
  assert.equal(runs.expectedMs, 100);
  runs.record(200);
  assert.equal(runs.expectedMs, 120);
  assert.equal(runs.cannotFinish(119), true);
  assert.equal(runs.cannotFinish(121), false);
  assert.equal(runs.runOnMs(100), 140);
  assert.equal(runs.runOnMs(300), 0);
  assert.equal(new RunTimeEstimate().runOnMs(0), 0);
});

test('a late task is answered at the deadline, runs on its grace, then is stopped; one in time gives its result', async () => {
  const late = (runsOn: boolean) => new Error(runsOn ? 'late, runs on' : 'late, stopped');
  const task = new Promise<string>(() => {}); // never ends by itself
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const deadline = new AbortController();
  const answer = answerByDeadline(
    task,
    deadline.signal,
    late,
    () => stop(),
    () => 20,
  );
  deadline.abort();
  await assert.rejects(answer, /late, runs on/);
  await stopped; // after its grace
  let stoppedAtOnce = false;
  const noGrace = answerByDeadline(
    task,
    AbortSignal.abort(),
    late,
    () => (stoppedAtOnce = true),
    () => 0,
  );
  await assert.rejects(noGrace, /late, stopped/);
  assert.equal(stoppedAtOnce, true);
  const inTime = answerByDeadline(Promise.resolve(7), new AbortController().signal, late, assert.fail, () => 0);
  assert.equal(await inTime, 7);
});

test('pool gets a server per shedding mode, named for it; other variants one; the scenario gives the lists', () => {
  const flags = { shedHoldMs: 250, shedMaxHeld: 1024 };
  const plan = overloadPlanOf(flags, overload);
  assert.deepEqual(plan.retry, ['at-once', 'retry-after']);
  assert.deepEqual(sheddingServers('pool', plan), [
    { suffix: '', shedHoldMs: 250, shedMaxHeld: 1024 },
    { suffix: ' · no shedding', shedHoldMs: 0, shedMaxHeld: 1024 },
  ]);
  assert.deepEqual(sheddingServers('inline', plan), [{ suffix: '', shedHoldMs: 250, shedMaxHeld: 1024 }]);
  const plain = overloadPlanOf(flags, curlLoops);
  assert.deepEqual([plain.retry, plain.shedding], [['at-once'], ['on']]);
  assert.deepEqual(overloadPlanOf({ ...flags, retry: ['retry-after'], shedding: ['off'] }, overload).shedding, ['off']);
});
