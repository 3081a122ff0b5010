// The continuous closed loop: one run from warm-up to graceful end, on a real server. Counts must
// agree with the server's own: nothing sent is left running after the run, nothing is orphaned.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runContinuousLoop } from '../loadtests/load/continuous-loop.ts';
import type { WarmUpRule } from '../loadtests/load/warm-up.ts';
import { WindowCounter } from '../loadtests/load/window-counter.ts';
import { windowConverged } from '../loadtests/load/window-rule.ts';
import { meanInterval, overlaps } from '../loadtests/stats/interval.ts';
import { windowResult } from '../loadtests/load/window-result.ts';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';
import { startTestServer, stats } from './helpers/server.ts';

const CONNECTIONS = 4;
/** Long enough that requests queue on the event loop, as the original's did. */
const SLOW_WORK = 200_000_000;
/** About a second of CPU on the event loop per request, like the original's FastAPI handler. */
const ONE_SECOND_WORK = 1_500_000_000;

/** CONNECTIONS keep-alive clients, one fixed window after the given warm-up. */
const keepAliveLoop = (origin: string, warmup: WarmUpRule, windowSeconds: number) =>
  runContinuousLoop({
    origin,
    pathOf: (clientId) => `/${clientId}`,
    connections: CONNECTIONS,
    requestTimeoutSeconds: 120,
    newConnection: false,
    warmup,
    window: { kind: 'fixed', seconds: windowSeconds },
    graceSeconds: 120,
  });

for (const newConnection of [false, true]) {
  const mode = newConnection ? 'a new connection per request' : 'keep-alive';
  test(`continuous loop (${mode}): the server ends idle and counted what the clients counted`, async (t) => {
    const server = await startTestServer(t, 'inline', { iterations: SLOW_WORK });
    const before = await stats(server);
    server.record();
    const outcome = await runContinuousLoop({
      origin: server.baseUrl,
      pathOf: (clientId) => `/${clientId}`,
      connections: CONNECTIONS,
      requestTimeoutSeconds: 120,
      newConnection,
      warmup: { seconds: 1, minAnswers: 0, maxSeconds: 0 },
      window: { kind: 'fixed', seconds: 2 },
      graceSeconds: 120,
    });
    // The graceful end waited for every outstanding answer: nothing is left in the server.
    const after = await stats(server);
    assert.equal(after.inHandler, 0);
    assert.equal(outcome.gracefulEnd.dropped, 0);
    assert.equal(outcome.gracefulEnd.answered, outcome.gracefulEnd.outstanding);
    // Every request the server served was answered to a client, in one of the three phases.
    const clientTotal = outcome.warmupAnswers + outcome.counted.answered + outcome.gracefulEnd.answered;
    assert.equal(after.served - before.served, clientTotal);
    // Inside the window, the server's End lines and the clients' answers differ only by requests
    // in transit at the window's edges: at most one per connection.
    const ends = server
      .recorded()
      .filter((e) => e.kind === 'End' && e.atMs >= outcome.startMs && e.atMs < outcome.endMs);
    assert.ok(
      Math.abs(ends.length - outcome.counted.answered) <= CONNECTIONS,
      `${ends.length} End lines vs ${outcome.counted.answered} answers in the window`,
    );
    const { result, clients } = windowResult(outcome);
    assert.equal(
      clients.reduce((sum, client) => sum + client.served, 0),
      result.ok,
    );
  });
}

test('a second run on the same server starts clean: no request of the first runs in its window', async (t) => {
  const server = await startTestServer(t, 'inline', { iterations: SLOW_WORK });
  const run = () => keepAliveLoop(server.baseUrl, { seconds: 0, minAnswers: 0, maxSeconds: 0 }, 1);
  await run();
  server.record();
  const second = await run();
  // Every Start the server logged from here on belongs to a request of the second run.
  const starts = server.recorded().filter((event) => event.kind === 'Start');
  assert.equal(starts.length, second.warmupAnswers + second.counted.answered + second.gracefulEnd.answered);
});

test('intervals of replicates, and whether two intervals overlap', () => {
  assert.equal(meanInterval([5]), null);
  const interval = meanInterval([9, 10, 11]);
  assert.ok(interval !== null && interval[0] < 10 && interval[1] > 10);
  assert.ok(overlaps([1, 3], [2, 4]));
  assert.ok(!overlaps([1, 2], [3, 4]));
});

test('an automatic window waits for every client to have its answers, and for its rounds', () => {
  const rule = {
    kind: 'auto',
    minSeconds: 0,
    maxSeconds: 60,
    minAnswersPerClient: 10,
    maxRelativeHalfWidth: 0.05,
  } as const;
  const counterOf = (skip: number | null) => {
    const counter = new WindowCounter(4, 0);
    for (let i = 0; i < 400; i++) if ((i % 4) + 1 !== skip) counter.answer((i % 4) + 1, 200, 100, i * 25);
    return counter;
  };
  assert.ok(windowConverged(rule, counterOf(null), 10_000));
  assert.ok(!windowConverged(rule, counterOf(4), 10_000), 'client 4 was never answered');
  const few = new WindowCounter(4, 0);
  for (let i = 0; i < 4 * 10; i++) few.answer((i % 4) + 1, 200, 100, i * 25);
  assert.ok(windowConverged({ ...rule, minAnswersPerClient: 1 }, few, 1_000), '9 rounds after the first');
  const short = new WindowCounter(4, 0);
  for (let i = 0; i < 4 * 5; i++) short.answer((i % 4) + 1, 200, 100, i * 25);
  assert.ok(!windowConverged({ ...rule, minAnswersPerClient: 1 }, short, 1_000), '4 rounds: too few for an interval');
});

test('loadtest on a deliberately slow server (about a second a request): client and server counts agree', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-slow-'));
  try {
    const args = ['--variants', 'inline', '--iterations', String(ONE_SECOND_WORK), '--duration', '3', '--warmup', '1'];
    const result = await runCli(LOADTEST_MAIN, [...args, '--reports-dir', dir], 300_000);
    assert.equal(result.code, 0, result.stderr);
    const json = (await readdir(dir)).find((name) => name.endsWith('.json'));
    const report = JSON.parse(await readFile(join(dir, json ?? ''), 'utf8'));
    const [run] = report.runs;
    // The server's End lines inside the window and the clients' answers inside it: only the
    // requests in transit at the window's two edges may differ, one per connection at most.
    assert.equal(run.server.servedInWindow.source, 'log');
    assert.ok(
      Math.abs(run.server.servedInWindow.count - run.requests) <= run.connections,
      `server ${run.server.servedInWindow.count} vs clients ${run.requests}`,
    );
    // Nothing was left running: every request outstanding at the end was answered, none dropped.
    assert.equal(run.window.gracefulEnd.dropped, 0);
    assert.equal(run.window.gracefulEnd.answered, run.window.gracefulEnd.outstanding);
    // A request queued four deep takes about four requests: the timeout was set from the first one.
    assert.ok(run.window.requestTimeoutSeconds >= (3 * run.connections * run.window.firstRequestMs) / 1000 - 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the warm-up lasts until its answers came, or until its bound when they do not', async (t) => {
  const server = await startTestServer(t, 'inline', { iterations: SLOW_WORK });
  const run = (minAnswers: number, maxSeconds: number) =>
    keepAliveLoop(server.baseUrl, { seconds: 0, minAnswers, maxSeconds }, 0.2);
  // No seconds of its own: only the answer count holds the window back, past two rounds.
  const answered = await run(2 * CONNECTIONS, 120);
  assert.equal(answered.warmupEnd, 'answered');
  assert.ok(answered.warmupAnswers >= 2 * CONNECTIONS, `${answered.warmupAnswers} warm-up answers`);
  const bounded = await run(1_000_000, 1);
  assert.equal(bounded.warmupEnd, 'bounded');
  assert.ok(bounded.warmupSeconds >= 1, `warm-up of ${bounded.warmupSeconds} s`);
  assert.ok(bounded.warmupAnswers < 1_000_000);
});
