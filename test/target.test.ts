// --target end to end: the runner measures a server it did not start (the project's own inline
// server, started here separately), reaches it with each client's id, and refuses what it must.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { Report } from '../loadtests/report/model.ts';
import { clientPath, parseTargetUrl } from '../loadtests/load/target-url.ts';
import { maxOpenRequests, parseWorkEvents } from '../server/log-line.ts';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';
import { startTestServer } from './helpers/server.ts';

/** A tiny run: one measured second, no warm-up. */
const TINY = ['--scenario', 'curl-loops', '--duration', '1', '--warmup', '0'];

async function runAgainst(args: readonly string[]): Promise<{ report: Report; markdown: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'aop-target-'));
  const result = await runCli(LOADTEST_MAIN, [...TINY, ...args, '--reports-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  // The report's .html, .json and .md, sorted.
  const files = (await readdir(dir)).sort();
  assert.equal(files.length, 3);
  return {
    report: JSON.parse(await readFile(join(dir, files[1]!), 'utf8')) as Report,
    markdown: await readFile(join(dir, files[2]!), 'utf8'),
  };
}

/** A process that keeps one thread spinning until the test ends. */
async function busyProcess(t: TestContext): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  await once(child, 'spawn');
  return child.pid!;
}

test('--target: the rows name the label, {client} reaches the server, --target-pid samples that process', async (t) => {
  const server = await startTestServer(t, 'inline');
  const busyPid = await busyProcess(t);
  server.record();
  const { report, markdown } = await runAgainst([
    '--target',
    `${server.baseUrl}/{client}?from=test`,
    '--target-pid',
    String(busyPid),
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
    pid: busyPid,
    hasStats: true,
    logged: false,
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
  // The busy process, not the server, is what --target-pid sampled.
  assert.ok((run?.server.busyThreads ?? 0) >= 1, `busy threads: ${run?.server.busyThreads}`);
  assert.ok((run?.server.cpuPercent ?? 0) > 10, `CPU: ${run?.server.cpuPercent}`);
  assert.equal(run?.server.maxInFlight, 1, "from the inline server's own /stats");
  assert.match(markdown, /^\| own inline \| – \| /m);
  assert.match(
    markdown,
    /a server already running at http:\/\/127\.0\.0\.1:\d+\/\{client\}\?from=test, not started by this run/,
  );
});

test('--target without a token appends the id; without --target-pid, CPU says "not measured"; --new-connection', async (t) => {
  const server = await startTestServer(t, 'inline');
  server.record();
  const { report, markdown } = await runAgainst(['--target', `${server.baseUrl}/`, '--new-connection']);
  const [run] = report.runs;
  assert.equal(run?.variant, 'target');
  assert.equal(run?.newConnection, true);
  assert.equal(run?.server.cpuPercent, null);
  assert.equal(run?.server.busyThreads, null);
  assert.ok(
    run?.clients.every((client) => client.served > 0),
    'every client was answered on fresh connections',
  );
  assert.deepEqual([...new Set(server.recorded().map((event) => event.clientId))].sort(), [1, 2, 3, 4]);
  assert.match(markdown, /^\| target \| 1 \| not measured \| not measured \| not measured \| not measured \| /m);
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

test('--target refusals and failures: one line each, non-zero exit, no report', async () => {
  const port = await closedPort();
  const pid = await exitedPid();
  const cases: readonly (readonly [readonly string[], string])[] = [
    [
      ['--target', 'http://192.168.1.10:8000/{client}'],
      "error: option '--target <url>' argument 'http://192.168.1.10:8000/{client}' is invalid. Allowed: a loopback host (127.0.0.0/8, ::1, localhost); 192.168.1.10 is not one, and load is only sent to this machine.",
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
    [['--target-pid', String(process.pid)], "error: option '--target-pid <pid>' needs --target <url>"],
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

test('client paths: {client} is replaced, else the id becomes the last path segment before the query', () => {
  assert.equal(clientPath('/{client}', 7), '/7');
  assert.equal(clientPath('/api/{client}/work?who={client}', 7), '/api/7/work?who=7');
  assert.equal(clientPath('/', 7), '/7');
  assert.equal(clientPath('/api', 7), '/api/7');
  assert.equal(clientPath('/api/?x=1', 7), '/api/7?x=1');
  assert.deepEqual(parseTargetUrl('http://127.0.0.1:8000/{client}'), {
    origin: 'http://127.0.0.1:8000',
    pathTemplate: '/{client}',
  });
  assert.deepEqual(parseTargetUrl('http://localhost:8000'), { origin: 'http://localhost:8000', pathTemplate: '/' });
  assert.equal(parseTargetUrl('http://[::1]:8000/x').origin, 'http://[::1]:8000');
  assert.equal(parseTargetUrl('http://127.9.9.9/').origin, 'http://127.9.9.9');
  assert.throws(() => parseTargetUrl('http://example.com/'), /loopback host .* example\.com is not one/);
  assert.throws(() => parseTargetUrl('http://128.0.0.1/'), /128\.0\.0\.1 is not one/);
});

test("the original's bare prints: stamped on arrival, split where threads shared a line, counted for max in flight", () => {
  const line = 'Start processing a request from client: 3Start processing a request from client: 4';
  assert.deepEqual(parseWorkEvents(line, 5), [
    { atMs: 5, pid: null, threadId: null, kind: 'Start', clientId: 3 },
    { atMs: 5, pid: null, threadId: null, kind: 'Start', clientId: 4 },
  ]);
  assert.deepEqual(parseWorkEvents('INFO:     Application startup complete.', 5), []);
  assert.deepEqual(parseWorkEvents('Start processing a request from client: 3 and more', 5), []);
  const events = ['End 9', 'Start 1', 'Start 2', 'End 1', 'Start 1', 'End 2'].map((text) => {
    const [kind, id] = text.split(' ');
    return parseWorkEvents(`${kind} processing a request from client: ${id}`, 0)[0]!;
  });
  assert.equal(maxOpenRequests(events), 2, 'an End from before the recording does not count below zero');
});
