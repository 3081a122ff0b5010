// --target end to end: the runner measures a server it did not start (the project's own inline
// server, started here separately), reaches it with each client's id, and refuses what it must.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test, type TestContext } from 'node:test';
import type { Report, VariantRun } from '../loadtests/report/model.ts';
import { BUSY_THREAD_MIN_PERCENT } from '../loadtests/observe/proc-snapshot.ts';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';
import { startTestServer } from './helpers/server.ts';

/** A tiny run: one measured second, no warm-up. */
const TINY = ['--scenario', 'curl-loops', '--duration', '1', '--warmup', '0'];

/** A report whose rows were all measured (asserted). */
type MeasuredReport = Report & { readonly runs: readonly VariantRun[] };

async function runAgainst(args: readonly string[]): Promise<{ report: MeasuredReport; markdown: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'aop-target-'));
  const result = await runCli(LOADTEST_MAIN, [...TINY, ...args, '--reports-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  // The report's .html, .json and .md, sorted.
  const files = (await readdir(dir)).sort();
  assert.equal(files.length, 3);
  const report = JSON.parse(await readFile(join(dir, files[1]!), 'utf8')) as MeasuredReport;
  assert.ok(
    report.runs.every((run) => run.state === 'measured'),
    'every row measured',
  );
  return {
    report,
    markdown: await readFile(join(dir, files[2]!), 'utf8'),
  };
}

/**
 * A process that sleeps until the test ends, once it has started: near zero CPU however loaded the
 * machine is, unlike the server under load beside it.
 */
async function idleProcess(t: TestContext): Promise<number> {
  const code = "console.log('ready'); setInterval(() => {}, 60_000);";
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  assert.equal(line, 'ready');
  return child.pid!;
}

test('--target: the rows name the label, {client} reaches the server, --target-pid samples that process', async (t) => {
  const server = await startTestServer(t, 'inline');
  const idlePid = await idleProcess(t);
  server.record();
  const { report, markdown } = await runAgainst([
    '--target',
    `${server.baseUrl}/{client}?from=test`,
    '--target-pid',
    String(idlePid),
    '--label',
    'own inline',
  ]);

  assert.deepEqual(
    report.runs.map((run) => run.variant),
    ['own inline'],
  );
  const [run] = report.runs;
  assert.deepEqual(run?.target, {
    url: `${server.baseUrl}/{client}?from=test`,
    pid: idlePid,
    hasStats: true,
    logged: false,
    startedBy: null,
    placement: { state: 'same machine' },
  });
  assert.deepEqual(
    run?.clients.map((client) => client.clientId),
    [1, 2, 3, 4],
  );
  assert.ok(
    run?.clients.every((client) => client.served > 0),
    'every client was answered',
  );
  const logged = new Set(server.recorded().map((event) => event.clientId));
  assert.deepEqual([...logged].sort(), [1, 2, 3, 4], 'the server saw each connection as its own client id');
  // The idle process, not the busy server, is what --target-pid sampled.
  assert.equal(run?.server.busyThreads, 0);
  const cpuPercent = run?.server.cpuPercent ?? null;
  assert.ok(cpuPercent !== null && cpuPercent < BUSY_THREAD_MIN_PERCENT, `CPU: ${cpuPercent}`);
  assert.equal(run?.server.maxInFlight, 1, "from the inline server's own /stats");
  assert.match(markdown, /^\| own inline \| – \| /m);
  assert.match(
    markdown,
    /a server already running at http:\/\/127\.0\.0\.1:\d+\/\{client\}\?from=test, not started by this run/,
  );
});

test('--target without a token appends the id; without --target-pid, CPU from its /stats; --new-connection', async (t) => {
  const server = await startTestServer(t, 'inline');
  server.record();
  const { report, markdown } = await runAgainst(['--target', `${server.baseUrl}/`, '--new-connection']);
  const [run] = report.runs;
  assert.equal(run?.variant, 'target');
  assert.equal(run?.newConnection, true);
  // The server read its own /proc between the window's two /stats calls: the top -H view without a pid.
  assert.ok((run?.server.cpuPercent ?? 0) > 0, `CPU: ${run?.server.cpuPercent}`);
  assert.ok((run?.server.busyThreads ?? 0) >= 1, `busy threads: ${run?.server.busyThreads}`);
  assert.ok(
    run?.clients.every((client) => client.served > 0),
    'every client was answered on fresh connections',
  );
  assert.deepEqual([...new Set(server.recorded().map((event) => event.clientId))].sort(), [1, 2, 3, 4]);
  assert.match(markdown, /^\| target \| 1 \| \d+% \| \d+ \| \d+ \| \d+ MiB \| /m);
  assert.match(markdown, /- Connections: a new connection per request, closed after the answer \(like curl\)/);
});

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/** The pid of a process that has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

test('--target refusals and failures: one line each, non-zero exit, no report', async (t) => {
  const port = await closedPort();
  const pid = await exitedPid();
  const unrelatedPid = await idleProcess(t);
  const cases: readonly (readonly [readonly string[], string])[] = [
    [
      ['--target', 'http://192.168.1.10:8000/{client}'],
      "error: option '--target <url>' argument 'http://192.168.1.10:8000/{client}' is invalid. Allowed: a loopback host (127.0.0.0/8, ::1, localhost); 192.168.1.10 is not one, and load is only sent to this machine (a server on another machine of yours: add --allow-remote).",
    ],
    [
      ['--target', 'ftp://127.0.0.1/'],
      "error: option '--target <url>' argument 'ftp://127.0.0.1/' is invalid. Allowed: an http:// URL; got ftp.",
    ],
    [
      ['--target', 'not a url'],
      "error: option '--target <url>' argument 'not a url' is invalid. Allowed: an http:// URL such as http://127.0.0.1:8000/{client}; this is not a URL.",
    ],
    [
      ['--target', `http://127.0.0.1:${port}/`, '--target-pid', String(pid)],
      `error: option '--target-pid <pid>' argument '${pid}' is invalid. Allowed: the id of a running process; no process has id ${pid}.`,
    ],
    [['--target-pid', String(unrelatedPid)], "error: option '--target-pid <pid>' needs --target <url>"],
    // Its descendants would include the runner and its load generator.
    [
      ['--target', `http://127.0.0.1:${port}/`, '--target-pid', '1'],
      "error: option '--target-pid <pid>' argument '1' is invalid. Allowed: the target server's process; 1 is an ancestor of this load runner, so its descendants would include the load generator.",
    ],
    [
      ['--target', `http://127.0.0.1:${port}/`, '--target-pid', String(process.pid)],
      `error: option '--target-pid <pid>' argument '${process.pid}' is invalid. Allowed: the target server's process; ${process.pid} is an ancestor of this load runner, so its descendants would include the load generator.`,
    ],
    [
      ['--target', `http://127.0.0.1:${port}/`, '--variants', 'inline'],
      "error: option '--target <url>' cannot be used with option '--variants <list>'",
    ],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(LOADTEST_MAIN, [...TINY, '--no-report', ...args]);
    assert.notEqual(result.code, 0, args.join(' '));
    assert.equal(result.stderr.trim(), message);
    assert.equal(result.stdout, '');
  }
  const unreachable = await runCli(LOADTEST_MAIN, [
    ...TINY,
    '--no-report',
    '--target',
    `http://127.0.0.1:${port}/{client}`,
  ]);
  assert.equal(unreachable.code, 1);
  assert.equal(unreachable.stdout, '', 'no table of zeros');
  assert.equal(
    unreachable.stderr.trim().split('\n').at(-1),
    `error: --target http://127.0.0.1:${port}/{client}: cannot reach 127.0.0.1:${port} (ECONNREFUSED); is the server running on that port?`,
  );
});
