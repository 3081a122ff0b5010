// A sweep's conclusions, tables and failed points, rendered from a fixed sweep report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderSweepMarkdown } from './helpers/documents.ts';
import { conclusions, recommendationLines } from '../loadtests/sweep/conclusions.ts';
import { point, sweepReport, sweepReportOf } from './fixtures/sweep-report.ts';

test('sweep conclusions from fixed points: the recommendation, the knee against its prediction, the fit', () => {
  const report = sweepReport();
  assert.deepEqual(recommendationLines(report), [
    'Use `--pool-size 2` (knee 2 in 1 run; predicted 2 from C = 36 ms under load, W = 1.0 ms, 2 cores) on this machine (2 cores, no cgroup quota; 8 clients).',
    'It served 55.0 req/s, within 5% of the best measured (56.0 at 4).',
    'More threads, 2 → 8: req/s 55.0 → 50.0, p99 82.0 ms → 88.0 ms, memory 120 MiB → 120 MiB.',
  ]);
  const lines = conclusions(report);
  assert.ok(
    lines.includes('Measured knee: 2 (one run), equal to the predicted 2: within ±35% of the prediction.'),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((line) =>
      line.startsWith(
        'Predicted knee: 2 threads, the smallest pool predicted within 5% of the 55.6 req/s the cores allow (2 ÷ C), for threads that each spend C 36.0 ms on the cores, then hold W 1.0 ms without one. The asymptotic bounds meet at 2.1 = 2 cores × (C + W) ÷ C. C: the server',
      ),
    ),
  );
  assert.ok(
    lines.some((line) => /^USL fit over 4 points: σ \(contention\) = [\d.e-]+, κ/.test(line)),
    'the fit, without intervals from one run',
  );
  assert.ok(
    lines.some((line) => line.endsWith('No intervals: 1 repetition(s): nothing to resample (--repeat 3 gives them).')),
  );
  assert.ok(
    lines.includes(
      'pool: only the largest size, --pool-size 8, fell below 95% of the best (50.0 vs 56.0 req/s at 4): one point, so the contention claim is neither confirmed nor refuted here.',
    ),
  );
  assert.ok(lines.some((line) => line.startsWith('Noise: other processes used more than 10% of a core')));
  const markdown = renderSweepMarkdown(report);
  assert.ok(markdown.includes('## Noise and self-checks'));
  assert.ok(
    markdown.split('\n').includes('| pool --pool-size 8 | 9% | 15% | 200 / 0 |'),
    'one noise-guard row per point',
  );
});

test('three runs: medians in the tables, the knee range over the runs, bootstrap intervals', () => {
  const runs = [
    [28, 55, 56, 50],
    [27, 50, 57, 55],
    [29, 56, 55, 51],
  ];
  const report = sweepReportOf(
    [
      {
        kind: 'size',
        variant: 'pool',
        axis: '--pool-size',
        points: [1, 2, 4, 8].flatMap((x, i) => runs.map((rates, r) => point(x, rates[i]!, r + 1))),
        failed: [],
      },
    ],
    3,
  );
  assert.deepEqual(report.measuredKnee, { size: 2, requestsPerSecond: 55, range: { low: 2, high: 4 }, repetitions: 3 });
  assert.equal(
    report.recommendation?.text,
    '`--pool-size 2` (knee 2–4 over 3 runs; predicted 2 from C = 36 ms under load, W = 1.0 ms, 2 cores)',
  );
  assert.equal(report.usl?.state, 'fitted');
  if (report.usl?.state !== 'fitted') return;
  assert.ok(report.usl.intervals !== null, 'three runs are resampled');
  assert.ok(report.usl.intervals.sigma.low <= report.usl.intervals.sigma.high);
  const table = renderSweepMarkdown(report).split('\n');
  assert.ok(
    table.some((line) => line.startsWith('| 2 | 55.0 [50.0–56.0] |')),
    'req/s: the median over the runs [min–max]',
  );
});

test('a sweep point that could not be measured is a failed row, and the curve goes on without it', () => {
  const report = sweepReport();
  const reason = 'the pool server (pid 7) exited during start-up (code 1): out of memory';
  const withFailure = { ...report, series: [{ ...report.series[0]!, failed: [{ x: 16, repetition: 1, reason }] }] };
  assert.ok(
    conclusions(withFailure).includes(
      `pool --pool-size 16 (run 1) could not be measured (${reason}); the series goes on without it.`,
    ),
  );
  assert.deepEqual(
    recommendationLines(withFailure),
    recommendationLines(report),
    'the knee is read from the measured points',
  );
  const lines = renderSweepMarkdown(withFailure).split('\n');
  assert.ok(
    lines.some((line) => /^\| 16 \| failed( \| –)+ \|$/.test(line)),
    'its row says failed',
  );
});
