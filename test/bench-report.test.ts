// make bench's judgement and report from fixed figures: each ratio against its target, and the note.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderBenchMarkdown } from './helpers/documents.ts';
import { parseProcStat } from '../loadtests/observe/proc-snapshot.ts';
import { median, percentile } from '../loadtests/stats/percentile.ts';
import { judge } from '../bench/comparison.ts';
import { TARGETS } from '../bench/target-values.ts';
import { comparisons } from '../bench/targets.ts';
import { fixedBenchReport } from './fixtures/bench-report.ts';

const ANSI = /\u001b\[/;

function row(figure: number, what: string) {
  const found = comparisons(fixedBenchReport).find((r) => r.figure === figure && r.what.startsWith(what));
  assert.ok(found, `no comparison for figure ${figure}, ${what}`);
  return found;
}

test('judge: a ratio target is met at or above its minimum, a value target strictly below its maximum', () => {
  assert.deepEqual(judge({ kind: 'ratio-at-least', min: 0.85 }, 85, 0.85), { state: 'met' });
  const missed = judge({ kind: 'ratio-at-least', min: 0.95 }, 45, 0.9);
  assert.equal(missed.state, 'missed');
  assert.ok(missed.state === 'missed' && Math.abs(missed.by - 0.05) < 1e-12);
  assert.deepEqual(judge({ kind: 'value-below', max: 100 }, 99.9, 500), { state: 'met' });
  assert.deepEqual(judge({ kind: 'value-below', max: 100 }, 150, 75), { state: 'missed', by: 50 });
  assert.deepEqual(judge(null, 1, 1), { state: 'no-target' });
});

test('figure 1: medians over the alternated runs, Hono over bare, against 85%', () => {
  const rps = row(1, 'Hono /health req/s');
  assert.equal(rps.measured, 41_000);
  assert.equal(rps.reference, 51_000);
  assert.equal(rps.ratio, 41_000 / 51_000);
  assert.deepEqual(rps.target, { kind: 'ratio-at-least', min: TARGETS.honoShareOfBare });
  assert.equal(rps.outcome.state, 'missed', '80% is short of 85%');
  assert.equal(row(1, 'Hono /health p99').ratio, 1.5);
  const cpu = row(1, 'Hono server CPU per request');
  assert.equal(cpu.measured, (100 * 10_000) / 41_000, 'one core busy at 41,000 req/s: 24.4 µs a request');
  assert.equal(cpu.reference, 19, 'median of 19.0, 18.5 and 19.0 µs');
});

test("figure 2: the project's pool (default atomics) against the direct call; the target is on the median", () => {
  const sequential = row(2, 'pool round-trip median, sequential');
  assert.equal(sequential.ratio, 125);
  assert.deepEqual(sequential.outcome, { state: 'met' });
  assert.deepEqual(row(2, 'pool round-trip median, concurrency 8').outcome, { state: 'missed', by: 50 });
  assert.equal(row(2, 'pool round-trip p99, sequential').outcome.state, 'no-target');
});

test('figures 3 and 4: req/s as a share of the calibrated limit, against 95% and 97%', () => {
  const pool = row(3, 'pool');
  assert.equal(pool.ratio, 0.9);
  assert.ok(pool.outcome.state === 'missed' && Math.abs(pool.outcome.by - 0.05) < 1e-12);
  const inline = row(4, 'inline');
  assert.equal(inline.ratio, 0.98);
  assert.deepEqual(inline.outcome, { state: 'met' });
});

test('figures 5 and 6: the generator against one core; start-up medians against bare node:http', () => {
  assert.equal(row(5, 'load generator CPU, bare').measured, 95);
  assert.equal(row(5, 'load generator CPU, bare').ratio, 0.95);
  const pool = row(6, 'pool start-up');
  assert.equal(pool.measured, 310);
  assert.equal(pool.reference, 210);
  assert.deepEqual(pool.target, { kind: 'ratio-at-most', max: TARGETS.startupSingleProcess });
  assert.equal(pool.outcome.state, 'missed');
  assert.deepEqual(row(6, 'cluster start-up').outcome, { state: 'met' }, '1.95× against its own 2×');
  assert.deepEqual(row(6, 'pool: threads that answered').outcome, { state: 'met' });
});

test('figures 7 and 8: CPU per request against inline, and cluster and libuv against their limit', () => {
  const chunked = row(7, 'chunked CPU');
  assert.equal(chunked.ratio, 42 / 40);
  assert.deepEqual(chunked.outcome, { state: 'met' }, '1.05× is at the bound');
  assert.deepEqual(row(7, 'libuv CPU').target, { kind: 'ratio-within', min: 0.95, max: 1.05 });
  const cluster = row(8, 'cluster');
  assert.equal(cluster.ratio, 44 / 50);
  assert.equal(cluster.outcome.state, 'missed');
  assert.deepEqual(judge({ kind: 'ratio-within', min: 0.95, max: 1.05 }, 0, 0.9).state, 'missed');
  assert.deepEqual(judge({ kind: 'ratio-at-most', max: 1.2 }, 0, 1.2), { state: 'met' });
  const cpu = row(1, 'Hono server CPU');
  assert.ok(cpu.what.includes('pinned apart'));
  assert.equal(cpu.outcome.state, 'missed');
});

test('markdown: every ratio with its target and outcome, the windows, and a closing note computed from the numbers', () => {
  const markdown = renderBenchMarkdown(fixedBenchReport);
  assert.doesNotMatch(markdown, ANSI);
  const lines = markdown.split('\n');
  for (const expected of [
    '- Command: `npm run bench`',
    '- Machine: 2 × Test CPU, 24.0 GiB memory, linux 6.1',
    '| figure | measured | value | reference | reference value | ratio | target | met? |',
    '| 1 | Hono /health req/s (median of runs) | 41,000 req/s | bare node:http | 51,000 req/s | 80.4% | ≥ 85% of reference | no, 4.6 points short |',
    '| 2 | pool round-trip median, concurrency 8 | 150 µs | direct call, concurrency 8 | 2.00 µs | 75.00× | median < 100 µs | no, 50.0 µs over |',
    '| 3 | pool (pool-size 2) req/s, 4 clients | 45.0 req/s | physical limit: min(2 cores, 4 clients, 2 at once) = 2 / 40.0 ms CPU per request | 50.0 req/s | 90.0% | ≥ 95% of reference | no, 5.0 points short |',
    '| 4 | inline req/s, 4 clients | 24.5 req/s | physical limit: min(2 cores, 4 clients, 1 at once) = 1 / 40.0 ms CPU per request | 25.0 req/s | 98.0% | ≥ 97% of reference | yes |',
    '| figure 3, pool | 10.0 | 180% | 2% | 18% | 200% |',
    '| pool | 3 | 310 | 300 | 320 | 1.48× | 320 | 410 | 2.16× |',
    '- Targets missed: 8 of 14 (figures 1, 2, 3, 6, 8).',
    "- Figure 8 (cluster): its 2 workers served 240 / 200 requests (the busiest 109% of an even share, the least busy 91%); worker CPU 95% / 80% of a core; processes that served nothing (the primary, tsx's helper): pid 200 4%.",
    "- Who set figure 1's ceiling, run by run: the generator (≥ 90% of its single thread) in pair 1 Hono, pair 1 bare, pair 2 Hono, pair 2 bare, pair 3 Hono, pair 3 bare. Where the generator capped bare node:http, figure 1's req/s ratio understates the gap between the servers.",
    '- Figure 3 (pool): in its window the generator used 2% and other processes 18% of one core, leaving 1.80 of 2 cores; against the 45.0 req/s those cores allow at 40.0 ms CPU a request, the server reached 100%.',
    '- Other processes used less than 25% of a core in every measured window.',
    '- Per core of server CPU, Hono serves 78% of what bare node:http serves (24.4 vs 19.0 µs a request); unlike req/s this does not depend on the generator or on other load.',
    '- Figure 2 at concurrency 8: the pool of 2 finished a task every 30.0 µs, so its median round-trip of 150 µs spans 5.0 task times for 8 callers.',
    "- Figure 2 tried piscina's atomics options in the same run (sequential median: default 25.0 µs, disabled 18.0 µs); the fastest was disabled.",
  ]) {
    assert.ok(lines.includes(expected), `missing line: ${expected}`);
  }
});

test('closing note: windows where other processes took a share of the cores are named', () => {
  const busy = {
    ...fixedBenchReport,
    limits: {
      ...fixedBenchReport.limits,
      inline: {
        ...fixedBenchReport.limits.inline,
        cpu: { ...fixedBenchReport.limits.inline.cpu, foreignCpuPercent: 93 },
      },
    },
  };
  assert.ok(
    renderBenchMarkdown(busy).includes(
      '- Other processes used ≥ 25% of a core in 1 of 11 windows (figure 4, inline 93%): those numbers were disturbed; rerun on a quieter machine to confirm.',
    ),
  );
});

test('/proc/stat: busy is everything but idle and iowait', () => {
  assert.deepEqual(parseProcStat('cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 1 2 3 4'), { busy: 160, total: 980 });
});

test('percentiles are nearest-rank and refuse an empty sample', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99), 10);
  assert.throws(() => median([]), RangeError);
});
