// --blocking-io-ms: work that holds its thread without CPU, as a blocking driver does. Checked on
// the real server by counts and by the order of its log lines, never by how long anything took.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { BLOCKING_IO_VARIANTS } from '../server/flags.ts';
import type { JobResult } from '../server/job.ts';
import { maxOpenRequests } from '../server/log-line.ts';
import { variantNames } from '../server/variants/index.ts';
import { runCli, SERVER_MAIN } from './helpers/cli.ts';
import { sendAll } from './helpers/hold.ts';
import { getJson, startTestServer, stats } from './helpers/server.ts';
import { waitFor } from './helpers/wait-for.ts';

/** Long enough that two requests sent together are certainly held at the same time where they can be. */
const HOLD_MS = 500;
/** Longer than any test: only a deadline ends it. */
const ENDLESS_HOLD_MS = 60_000;
/** Covers a pool worker's start on a loaded machine, so the request is held, not still queued, when it passes. */
const DEADLINE_MS = 2_000;

const cpuMs = (body: { cpuUserMs: number; cpuSystemMs: number }): number => body.cpuUserMs + body.cpuSystemMs;

test('pool of 2: two held requests overlap, each on its own worker, and the CPU stays idle while they wait', async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 2, blockingIoMs: HOLD_MS });
  // Each worker loads (and tsx compiles) its module on its first task: that CPU is not the wait's.
  assert.deepEqual(
    (await Promise.all(sendAll(server, 2))).map((answer) => answer.status),
    [200, 200],
  );
  server.record();
  const before = await stats(server);
  const answers = await Promise.all([1, 2].map((id) => getJson<JobResult>(server, `/${id}`)));
  const after = await stats(server);
  assert.deepEqual(
    answers.map((answer) => answer.status),
    [200, 200],
  );
  assert.equal(after.maxInFlight, 2, 'both were held at once');
  await waitFor(() => server.recorded().length === 4, 'four Start/End lines');
  assert.equal(maxOpenRequests(server.recorded()), 2, 'both Start lines came before either End');
  assert.equal(new Set(answers.map((answer) => answer.body.threadId)).size, 2, 'on two worker threads');
  // A ratio within one run, not a speed: the time held, against the CPU the process used meanwhile.
  const heldMs = answers.reduce((sum, { body }) => sum + (body.endedAtMs - body.startedAtMs), 0);
  const usedMs = cpuMs(after) - cpuMs(before);
  assert.ok(usedMs < heldMs / 2, `${usedMs.toFixed(0)} ms of CPU while requests were held ${heldMs} ms`);
});

test('inline: held requests run strictly one after another (the wait stalls the event loop)', async (t) => {
  const server = await startTestServer(t, 'inline', { blockingIoMs: HOLD_MS });
  server.record();
  assert.deepEqual(
    (await Promise.all(sendAll(server, 2))).map((answer) => answer.status),
    [200, 200],
  );
  await waitFor(() => server.recorded().length === 4, 'four Start/End lines');
  const events = server.recorded();
  assert.deepEqual(
    events.map((event) => event.kind),
    ['Start', 'End', 'Start', 'End'],
  );
  assert.equal(events[0]?.clientId, events[1]?.clientId, 'the first request ended before the second started');
  assert.equal((await stats(server)).maxInFlight, 1);
});

test('cluster: held requests are spread over worker processes and overlap', async (t) => {
  const server = await startTestServer(t, 'cluster', { workers: 2, blockingIoMs: HOLD_MS });
  server.record();
  assert.deepEqual(
    (await Promise.all(sendAll(server, 4))).map((answer) => answer.status),
    [200, 200, 200, 200],
  );
  const body = await stats(server);
  assert.equal(body.settings.blockingIoMs, HOLD_MS, 'the workers got the flag');
  assert.ok(body.maxInFlight > 1, "the primary's tally saw two workers held at once");
});

test('pool: a deadline ends a held request (504) by terminating its worker; one worker thread remains, a new one', async (t) => {
  const server = await startTestServer(t, 'pool', {
    poolSize: 1,
    blockingIoMs: ENDLESS_HOLD_MS,
    timeoutMs: DEADLINE_MS,
  });
  server.record();
  const threads = (): number => readdirSync(`/proc/${server.pid}/task`).length;
  const answer = getJson<{ error: string }>(server, '/1');
  await waitFor(() => server.recorded().some((event) => event.kind === 'Start'), 'the request to start');
  const threadsWhileHeld = threads();
  const { status, body } = await answer;
  assert.equal(status, 504);
  assert.equal(body.error, 'deadline_running');
  // Had Atomics.wait outlived terminate(), the held thread and its replacement would both be counted.
  await waitFor(() => threads() === threadsWhileHeld, `${threadsWhileHeld} threads again (the replacement only)`);
  assert.equal((await stats(server)).inFlight, 0, 'stopped work is no longer counted as running');
});

for (const variant of variantNames.filter((name) => !BLOCKING_IO_VARIANTS.includes(name))) {
  test(`${variant} refuses --blocking-io-ms: one line naming the flag and the variant`, async () => {
    const result = await runCli(SERVER_MAIN, ['--variant', variant, '--blocking-io-ms', '5']);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr.trim(),
      `error: --blocking-io-ms needs a thread to hold (--variant inline, pool, cluster), got --variant ${variant}`,
    );
    assert.equal(result.stdout, '');
  });
}
