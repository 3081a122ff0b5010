// The sweep as a user runs it: two tiny points end to end, and a bad list refused in one line.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SweepReport } from '../loadtests/sweep/model.ts';
import { runCli } from './helpers/cli.ts';

const SWEEP_MAIN = fileURLToPath(new URL('../loadtests/sweep/main.ts', import.meta.url));

test('sweep CLI: two tiny points end to end write a report with the knee', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-sweep-'));
  const args = [
    '--sizes',
    '1,2',
    '--size-variants',
    'pool',
    '--size-clients',
    '2',
    '--clients',
    '1',
    '--client-variants',
    'inline',
    '--duration',
    '1',
    // Uncounted seconds, so a pool still starting its workers on a loaded machine is not measured cold.
    '--warmup',
    '2',
    '--iterations',
    '1000000',
  ];
  const result = await runCli(SWEEP_MAIN, [...args, '--reports-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  const files = (await readdir(dir)).sort();
  assert.equal(files.length, 2);
  const report = JSON.parse(await readFile(join(dir, files[0]!), 'utf8')) as SweepReport;
  assert.deepEqual(
    report.series.map((series) => [series.kind, series.variant, series.axis, series.points.map((point) => point.x)]),
    [
      ['size', 'pool', '--pool-size', [1, 2]],
      ['clients', 'inline', 'clients', [1]],
    ],
  );
  assert.match(
    await readFile(join(dir, files[1]!), 'utf8'),
    /^- Recommendation for this machine \(\d+ cores, 2 clients\): --pool-size [12]\./m,
  );
});

test('sweep CLI: a bad list names the flag and what is allowed', async () => {
  const result = await runCli(SWEEP_MAIN, ['--sizes', '1,0']);
  assert.notEqual(result.code, 0);
  assert.equal(
    result.stderr.trim(),
    "error: option '--sizes <list>' argument '1,0' is invalid. Allowed: a comma list of 1 to 16 whole numbers from 1 to 64.",
  );
  const variants = await runCli(SWEEP_MAIN, ['--size-variants', 'inline']);
  assert.equal(
    variants.stderr.trim(),
    "error: option '--size-variants <list>' argument 'inline' is invalid. Allowed: a comma list of pool, cluster, libuv.",
  );
});
