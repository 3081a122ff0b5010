// The sweep as a user runs it: two tiny points end to end, and a bad list refused in one line.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { predictedKnee } from '../loadtests/sizing/predict.ts';
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
    '--repeat',
    '1',
  ];
  const result = await runCli(SWEEP_MAIN, [...args, '--reports-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  const files = (await readdir(dir)).sort();
  assert.deepEqual(
    files.map((file) => file.replace(/^.*-sweep/, '')),
    ['.html', '.json', '.md'],
  );
  const report = JSON.parse(await readFile(join(dir, files[1]!), 'utf8')) as SweepReport;
  assert.deepEqual(
    report.series.map((series) => [series.kind, series.variant, series.axis, series.points.map((point) => point.x)]),
    [
      ['size', 'pool', '--pool-size', [1, 2]],
      ['clients', 'inline', 'clients', [1]],
    ],
  );
  assert.ok(report.predictedKnee !== null && report.predictedKnee > 0, 'a knee predicted from C and W');
  assert.equal(report.prediction?.calibration.computeMs !== undefined, true);
  assert.deepEqual(report.prediction?.sizes, [1, 2], 'the sizes given, not the planned ones');
  assert.equal(report.recommendation?.poolSize, report.knees[0]?.size);
  assert.equal(report.parameters.equivalenceMargin, 0.05);
  assert.match(
    await readFile(join(dir, files[2]!), 'utf8'),
    /^## The answer\n\n- Use `--pool-size [12]` \((≥ \d+% of the plateau's req\/s at 95% confidence,|the best measured: no size was shown within 5% of the plateau with) 1 run per size; predicted [\d.]+ from C = .*\) on this machine \([^)]*; 2 clients\)\.$/m,
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
  const margin = await runCli(SWEEP_MAIN, ['--equivalence-margin', '0']);
  assert.notEqual(margin.code, 0);
  assert.equal(
    margin.stderr.trim(),
    "error: option '--equivalence-margin <percent>' argument '0' is invalid. Allowed: a whole number from 1 to 50.",
  );
});

test('sweep CLI: a handler that then blocks: W covers the wait, and the knee is predicted from it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-sweep-'));
  const handler = fileURLToPath(new URL('../examples/handlers/hash-200.ts', import.meta.url));
  const args = ['--handler', handler, '--blocking-io-ms', '30', '--payload-bytes', '256', '--sizes', '1,2,4'];
  const result = await runCli(SWEEP_MAIN, [
    ...args,
    ...['--size-clients', '5', '--duration', '1', '--warmup', '1', '--repeat', '1', '--reports-dir', dir],
  ]);
  assert.equal(result.code, 0, result.stderr);
  const json = (await readdir(dir)).find((file) => file.endsWith('.json'))!;
  const report = JSON.parse(await readFile(join(dir, json), 'utf8')) as SweepReport;
  assert.equal(report.parameters.workload.handler?.path.endsWith('hash-200.ts'), true);
  assert.equal(report.parameters.settings.blockingIoMs, 30);
  const { computeMs, waitMs } = report.prediction!.calibration;
  assert.ok(waitMs >= 30, `W (${waitMs} ms) holds the 30 ms the thread is held`);
  const cores = report.prediction!.cores.effective;
  assert.equal(report.prediction!.boundsKnee, (cores * (computeMs + waitMs)) / computeMs);
  assert.equal(
    report.predictedKnee,
    predictedKnee({ computeMs, waitMs }, cores),
    'the closed network of the same C and W',
  );
  assert.ok(computeMs === report.prediction!.calibration.loaded.computeMs, 'C is the one measured under load');
  assert.equal(report.usl?.state, 'fitted', 'three sizes can be fitted');
  // Each size point warmed until every thread had served about 5 requests: none was cold in its window.
  for (const { x, run } of report.series[0]!.points) {
    assert.equal(run.window.warmupEnd, 'answered', `size ${x}`);
    assert.ok(run.window.warmupAnswers >= report.parameters.warmupAnswersPerThread * x, `size ${x}`);
  }
});

test('sweep CLI: --blocking-io-ms on a variant without a thread to hold is one line of error', async () => {
  const result = await runCli(SWEEP_MAIN, ['--blocking-io-ms', '10', '--size-variants', 'libuv']);
  assert.notEqual(result.code, 0);
  assert.equal(
    result.stderr.trim(),
    "error: option '--blocking-io-ms <n>' runs in inline, pool, cluster only (the others have no thread of their own to hold), got --variants libuv",
  );
});
