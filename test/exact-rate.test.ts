// The load generator against servers whose rate is known exactly (test/helpers/paced-server.ts):
// req/s and its interval must hold the truth, and be as narrow as the issue asks. End to end, through
// `loadtest --target`. The three run at once: they spend their time waiting on the servers' clocks.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';
import { startPacedServer } from './helpers/paced-server.ts';

interface Row {
  readonly requestsPerSecond: number;
  readonly requestsPerSecondCi95: readonly [number, number] | null;
  readonly window: { readonly rounds: number };
}

async function measureTarget(t: TestContext, url: string, clients: number, seconds: number): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), 'aop-exact-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const args = ['--target', url, '--connections', String(clients), '--duration', String(seconds), '--warmup', '0'];
  const result = await runCli(LOADTEST_MAIN, [...args, '--scenario', 'curl-loops', '--reports-dir', dir], 90_000);
  assert.equal(result.code, 0, result.stderr);
  const json = (await readdir(dir)).find((name) => name.endsWith('.json'));
  const report = JSON.parse(await readFile(join(dir, json ?? ''), 'utf8')) as { runs: Row[] };
  return report.runs[0]!;
}

function assertWithin(row: Row, truth: number, share: number): void {
  const ci = row.requestsPerSecondCi95;
  const seen = `${row.requestsPerSecond} req/s [${ci?.join(', ')}] over ${row.window.rounds} rounds`;
  assert.ok(ci !== null, `an interval: ${seen}`);
  assert.ok(ci[0] <= truth && truth <= ci[1], `the interval holds ${truth}: ${seen}`);
  assert.ok(ci[0] >= truth * (1 - share) && ci[1] <= truth * (1 + share), `within ±${share * 100}%: ${seen}`);
}

describe('req/s against servers of known rate', { concurrency: true }, () => {
  test('1 client, 2.5 s per request: 0.400 req/s within ±5% after 15 s', async (t) => {
    const server = await startPacedServer(t, 'serial', 2_500);
    assertWithin(await measureTarget(t, server.url, 1, 15), 0.4, 0.05);
  });

  test('4 clients, 300 ms per request one at a time: within ±3% after 12 s', async (t) => {
    const server = await startPacedServer(t, 'serial', 300);
    assertWithin(await measureTarget(t, server.url, 4, 12), 1000 / 300, 0.03);
  });

  test('8 clients answered in bursts once a second: within ±5% after 12 s', async (t) => {
    const server = await startPacedServer(t, 'bursts', 1_000);
    assertWithin(await measureTarget(t, server.url, 8, 12), 8, 0.05);
  });
});
