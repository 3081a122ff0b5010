// loadtest --until-decided: the comparisons against the first variant on fixed rows, bad input in
// one line, and a tiny real run whose rows interleave A B B A and whose stop is stated.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { againstFirst } from '../loadtests/measure/until-decided.ts';
import type { ReportRow, VariantRun } from '../loadtests/report/model.ts';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';
import { fixedReport } from './fixtures/report.ts';

const base = fixedReport.runs[0]!;
const row = (variant: string, requestsPerSecond: number, repetition: number): VariantRun => ({
  ...base,
  variant,
  repetition,
  requestsPerSecond,
});

test('every other row against the first: pool apart from inline differs, one run of cluster decides nothing', () => {
  const rows: ReportRow[] = [
    row('inline', 17.8, 1),
    row('pool', 32.9, 1),
    row('cluster', 32.6, 1),
    row('pool', 32.5, 2),
    row('inline', 17.9, 2),
  ];
  const [pool, cluster] = againstFirst(rows, 4);
  assert.deepEqual([pool?.a, pool?.b, pool?.outcome], ['inline', 'pool', 'differs']);
  assert.deepEqual([cluster?.b, cluster?.outcome, cluster?.moreRounds], ['cluster', 'inconclusive', 1]);
});

for (const [args, line] of [
  [['--until-decided', '--repeat', '2'], "error: option '--until-decided' cannot be used with option '--repeat <n>'"],
  [
    ['--until-decided', '--variants', 'pool'],
    "error: option '--until-decided' needs 2 or more variants to compare (received 1)",
  ],
] as const) {
  test(`refused in one line: ${args.join(' ')}`, async () => {
    const result = await runCli(LOADTEST_MAIN, [...args, '--no-report']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim(), line);
  });
}

test('a real run: rows interleave inline pool pool inline and stop at the bound, saying so', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-until-decided-'));
  const args = ['--scenario', 'curl-loops', '--variants', 'inline,pool', '--duration', '1', '--warmup', '1'];
  // A bound of 1 s: past the first look's two blocks the run stops at once, decided or not.
  const bounded = [...args, '--iterations', '100000', '--until-decided', '--max-duration', '1'];
  const result = await runCli(LOADTEST_MAIN, [...bounded, '--reports-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /• --until-decided: (every comparison decided after 2 blocks|stopped with comparisons undecided after 2 blocks: another block would pass the 1 s bound)\n/,
  );
  assert.match(
    result.stdout,
    /• (pool served \d+\.\d\d×( \[[\d.]+–[\d.]+\])? inline's|inline served \d+\.\d\d×( \[[\d.]+–[\d.]+\])? pool's) req\/s: (differs|equivalent|inconclusive)/,
  );
  const json = (await readdir(dir)).find((file) => file.endsWith('.json')) ?? '';
  const report = JSON.parse(await readFile(join(dir, json), 'utf8'));
  assert.deepEqual(
    report.runs.map((run: ReportRow) => [run.variant, run.repetition]),
    [
      ['inline', 1],
      ['pool', 1],
      ['pool', 2],
      ['inline', 2],
    ],
  );
  assert.equal(report.untilDecided.stop.blocks, 2);
  assert.equal(report.untilDecided.comparisons.length, 1);
  assert.equal(report.parameters.repeat, 2);
});
