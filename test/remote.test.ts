// The server on "another machine" (127.0.0.2, a second loopback address) and Locust as the engine:
// the server's own CPU and busy threads without --target-pid, the refusals, and a real master + 2 workers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { locustCommand } from '../loadtests/load/locust-command.ts';
import type { Report, VariantRun } from '../loadtests/report/model.ts';
import { LOADTEST_MAIN, runCli, SERVER_MAIN } from './helpers/cli.ts';
import { startTestServer } from './helpers/server.ts';

const TINY = ['--scenario', 'curl-loops', '--duration', '1', '--warmup', '0', '--connections', '4'];
const SMALL_WORK = { iterations: 5_000_000 };

async function measuredRow(args: readonly string[]): Promise<VariantRun> {
  const dir = await mkdtemp(join(tmpdir(), 'aop-remote-'));
  const result = await runCli(LOADTEST_MAIN, [...TINY, ...args, '--reports-dir', dir], 120_000);
  assert.equal(result.code, 0, result.stderr);
  const json = (await readdir(dir)).find((name) => name.endsWith('.json'))!;
  const report = JSON.parse(await readFile(join(dir, json), 'utf8')) as Report;
  const [run] = report.runs;
  assert.equal(run?.state, 'measured');
  return run as VariantRun;
}

test('a pool server on 127.0.0.2, measured with --allow-remote and no --target-pid, shows its CPU and busy threads', async (t) => {
  const server = await startTestServer(t, 'pool', { host: '127.0.0.2', poolSize: 2, ...SMALL_WORK });
  const run = await measuredRow(['--target', `http://127.0.0.2:${server.port}/{client}`, '--allow-remote']);
  assert.equal(run.target?.pid, null);
  assert.ok((run.server.cpuPercent ?? 0) > 0, `CPU % from the server's /stats: ${run.server.cpuPercent}`);
  assert.ok((run.server.busyThreads ?? 0) >= 1, `busy threads: ${run.server.busyThreads}`);
  // Same host name and cores: 127.0.0.2 is this machine, and the report does not pretend otherwise.
  assert.deepEqual(run.target?.placement, { state: 'same machine' });
});

test('a --target off loopback is refused without --allow-remote, and --fault-routes off loopback', async () => {
  // 192.0.2.0/24 is documentation only (TEST-NET-1): refused before anything is sent.
  const target = await runCli(LOADTEST_MAIN, [...TINY, '--target', 'http://192.0.2.1:8000/{client}', '--no-report']);
  assert.notEqual(target.code, 0);
  assert.match(target.stderr, /192\.0\.2\.1 is not one, .*add --allow-remote/);
  const server = await runCli(SERVER_MAIN, ['--host', '0.0.0.0', '--fault-routes']);
  assert.notEqual(server.code, 0);
  assert.match(server.stderr, /^error: --fault-routes is for tests on loopback only .* got --host 0\.0\.0\.0/);
  const lone = await runCli(LOADTEST_MAIN, [...TINY, '--generators', '3', '--no-report']);
  assert.match(lone.stderr, /'--generators <n>' needs --engine locust/);
});

const locust = spawnSync(locustCommand(), ['--version'], { encoding: 'utf8' });
const noLocust =
  locust.status === 0
    ? false
    : 'Locust is not installed (apt-get install python3-locust; make distributed installs it)';

test('--engine locust: a master and 2 workers drive the 4 clients, ids unique across workers', {
  skip: noLocust,
}, async (t) => {
  const server = await startTestServer(t, 'pool', { poolSize: 2, ...SMALL_WORK });
  const run = await measuredRow(['--target', `http://127.0.0.1:${server.port}/{client}`, '--engine', 'locust']);
  assert.deepEqual(
    run.clients.map((client) => client.clientId),
    [1, 2, 3, 4],
  );
  assert.ok(
    run.clients.every((client) => client.served > 0),
    JSON.stringify(run.clients),
  );
  assert.equal(run.errors + run.timeouts + run.non2xx, 0);
  // The server's own count is there to compare (answers are forwarded in 20 ms batches, so the window's edges
  // can shift by a batch: the report's self-check, not this test, judges the difference).
  assert.ok((run.server.servedInWindow?.count ?? 0) > 0);
});
