// The load runner when things go wrong: interrupted, a server that dies or never starts, every
// request failing, a failure threshold. It must leave no process behind and say what failed.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Report } from '../loadtests/report/model.ts';
import { parseServerArgs, type ServerOptions } from '../server/flags.ts';
import { ProcessGroup } from '../loadtests/process/process-group.ts';
import { startServer } from '../loadtests/process/server-process.ts';
import { isAlive, LOADTEST_MAIN, runCli, startCli } from './helpers/cli.ts';

const POOL_OF_ONE = ['--scenario', 'curl-loops', '--variants', 'pool', '--pool-size', '1', '--no-report'] as const;
const TINY = [...POOL_OF_ONE, '--warmup', '0'] as const;
/**
 * Uncounted seconds first: the pool's worker may still be starting when the server says it listens,
 * and on a loaded machine that took longer than the measured second.
 */
const WARMED = [...POOL_OF_ONE, '--warmup', '2'] as const;
const MEASURING = /measuring .* \(server pid (\d+)\)$/;

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`runner: ${signal} mid-run stops its server, writes nothing and exits ${code}`, async (t) => {
    const run = startCli(t, LOADTEST_MAIN, [...TINY, '--duration', '60', '--iterations', '100000']);
    const serverPid = Number(await run.stderrLine(MEASURING));
    assert.ok(isAlive(serverPid));
    process.kill(run.pid, signal);
    const result = await run.done;
    assert.equal(result.code, code, result.stderr);
    assert.match(result.stderr, new RegExp(`^${signal}: stopping 1 server; no report is written$`, 'm'));
    assert.equal(isAlive(serverPid), false, 'the server it started is gone');
  });
}

test('runner: a server that dies mid-run is named in one line, and the run exits 1', async (t) => {
  const run = startCli(t, LOADTEST_MAIN, [...TINY, '--duration', '2', '--iterations', '100000']);
  const serverPid = Number(await run.stderrLine(MEASURING));
  process.kill(serverPid, 'SIGKILL');
  const result = await run.done;
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr.trim().split('\n').at(-1),
    `error: the pool server (pid ${serverPid}) exited during the run (SIGKILL): no output on stderr`,
  );
  assert.equal(result.stdout, '', 'no table of zeros');
});

test('runner: when every request fails it says so and exits 1', async () => {
  const result = await runCli(LOADTEST_MAIN, [
    ...TINY,
    '--duration',
    '1',
    '--connections',
    '2',
    '--timeout-ms',
    '1',
    '--iterations',
    '1000000000',
  ]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr.trim().split('\n').at(-1) ?? '',
    /^error: every request to the pool server failed: 0 errors, 0 timeouts, [\d,]+ non-2xx answers?$/,
  );
  assert.equal(result.stdout, '');
});

test('runner: --fail-on-errors turns failed requests into exit 2; without it the same run passes', async () => {
  const overloaded = [
    ...WARMED,
    '--duration',
    '1',
    '--connections',
    '3',
    '--max-queue',
    '0',
    '--iterations',
    '20000000',
  ];
  // One after the other: two runs at once would starve each other's server on a small machine.
  const strict = await runCli(LOADTEST_MAIN, [...overloaded, '--fail-on-errors', '0']);
  const lenient = await runCli(LOADTEST_MAIN, overloaded);
  assert.equal(strict.code, 2, strict.stderr);
  assert.match(
    strict.stderr.trim().split('\n').at(-1) ?? '',
    /^error: pool had \d+ failed requests \(errors \+ timeouts \+ non-2xx\), more than --fail-on-errors 0$/,
  );
  assert.match(strict.stdout, /errors \/ timeouts \/ non-2xx/, 'the table is still printed');
  assert.equal(lenient.code, 0, lenient.stderr);
  assert.match(
    lenient.stdout,
    /pool had 0 errors, 0 timeouts and [1-9][\d,]* non-2xx answers?/,
    'the findings flag them',
  );
});

const serverOptions: ServerOptions = {
  ...parseServerArgs(['--variant', 'pool', '--port', '0', '--pool-size', '1']),
  iterations: 1_000,
  maxQueue: 1,
  quiet: true,
};

test('server start: a server that exits during start-up is reported with its stderr tail, and is gone', async (t) => {
  const group = new ProcessGroup();
  t.after(() => group.stopAll());
  const error = await startServer({ ...serverOptions, iterations: 0 }, group).then(
    () => assert.fail('started'),
    (cause: unknown) => cause,
  );
  assert.ok(error instanceof Error && 'pid' in error && typeof error.pid === 'number');
  assert.equal(
    error.message,
    `the pool server (pid ${error.pid}) exited during start-up (code 1): error: option '--iterations <n>' argument '0' is invalid. Allowed: a whole number from 1 to 10000000000.`,
  );
  assert.equal(group.size, 0);
});

test('server start: no listening line within the bound is an error, and the server is stopped', async (t) => {
  const group = new ProcessGroup();
  t.after(() => group.stopAll());
  const error = await startServer(serverOptions, group, {}, 1).then(
    () => assert.fail('started'),
    (cause: unknown) => cause,
  );
  assert.ok(error instanceof Error && 'pid' in error && typeof error.pid === 'number');
  assert.equal(error.message, `the pool server (pid ${error.pid}) printed no listening line within 0.001 s`);
  assert.equal(isAlive(error.pid), false);
});

/** A tiny curl-loops run of inline and io, where io's 1 s wait always passes its 500 ms deadline (504). */
const IO_CUT_OFF = [
  '--variants',
  'inline,io',
  '--io-ms',
  '1000',
  '--iterations',
  '100000',
  '--duration',
  '1',
  '--warmup',
  '0',
] as const;

test('runner: a variant that fails is a failed row; the report of the others is written, and the run exits 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-failed-row-'));
  const result = await runCli(LOADTEST_MAIN, [
    '--scenario',
    'curl-loops',
    ...IO_CUT_OFF,
    '--timeout-ms',
    '500',
    '--reports-dir',
    dir,
  ]);
  assert.equal(result.code, 1, result.stderr);
  const [errorLine, lastLine] = result.stderr.trim().split('\n').slice(-2);
  assert.match(lastLine ?? '', /^report: .*-curl-loops\.html \(open it in a browser/, 'the last line names the page');
  assert.match(
    errorLine ?? '',
    /^error: 1 row could not be measured and is marked failed in the report: io: every request to the io server failed: 0 errors, 0 timeouts, [\d,]+ non-2xx answers?$/,
  );
  const files = (await readdir(dir)).sort();
  assert.equal(files.length, 3, 'the report, its JSON and its page are written');
  const report = JSON.parse(await readFile(join(dir, files[1]!), 'utf8')) as Report;
  assert.deepEqual(
    report.runs.map((run) => [run.variant, run.state]),
    [
      ['inline', 'measured'],
      ['io', 'failed'],
    ],
  );
  const markdown = await readFile(join(dir, files[2]!), 'utf8');
  assert.match(markdown, /^\| io \| failed \| – \|/m);
  assert.match(
    markdown,
    /^- io could not be measured \(every request to the io server failed: .*\), so it has no figures here\.$/m,
  );
  assert.match(result.stdout, /inline ran one request at a time/, 'the terminal shows the measured row');
});

test('runner: under overload, a variant that answered every request with 504 is a measured row, not a failure', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-overload-504-'));
  const result = await runCli(LOADTEST_MAIN, ['--scenario', 'overload', ...IO_CUT_OFF, '--reports-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  const json = (await readdir(dir)).find((file) => file.endsWith('.json'))!;
  const report = JSON.parse(await readFile(join(dir, json), 'utf8')) as Report;
  const io = report.runs.find((run) => run.variant === 'io');
  assert.equal(io?.state, 'measured');
  assert.match(result.stdout, /io served 0 of (\d+) requests: all \1 were cut off at the deadline with 504\./);
});
