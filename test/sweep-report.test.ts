// A sweep's conclusions, tables and failed points, rendered from a fixed sweep report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderSweepMarkdown } from './helpers/documents.ts';
import { conclusions, recommendationLines } from '../loadtests/sweep/conclusions.ts';
import { point, sweepReport, sweepReportOf } from './fixtures/sweep-report.ts';

test('sweep conclusions from fixed points: the recommendation, the knee against its prediction, the fit', () => {
  const report = sweepReport();
  assert.deepEqual(recommendationLines(report), [
    "Use `--pool-size 2` (≥ 97% of the plateau's req/s at 95% confidence, 1 run per size; predicted 2 from C = 36 ms under load, W = 1.0 ms, 2 cores) on this machine (2 cores, no cgroup quota; 8 clients).",
    'It served 55.0 req/s.',
    'More threads, from --pool-size 2 to 8: req/s 55.0 → 50.0, p99 82.0 ms → 88.0 ms, /health p99 2.5 ms → 2.5 ms, memory 120 MiB → 120 MiB.',
  ]);
  const lines = conclusions(report);
  assert.ok(
    lines.includes(
      'Measured knee: 2 (the smallest size shown within 5% of the plateau, 1 run per size), equal to the predicted 2: within ±35% of the prediction.',
    ),
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
    lines.some((line) =>
      /^USL fit over 4 sizes \(weighted by each size's spread\): σ = [\d.e-]+ \([\d.e-]+–[\d.e-]+\), κ/.test(line),
    ),
    "the fit, with intervals from each size's interval",
  );
  assert.ok(
    lines.some((line) =>
      line.includes(
        "Not checked against the cores' ceiling: 4 sizes cannot tell the USL's 3 coefficients from the ceiling's 2 (AICc needs 5 or more); so σ, κ and the peak are not read as contention or coherency.",
      ),
    ),
  );
  assert.ok(
    lines.some((line) =>
      line.startsWith("pool: more threads cost throughput: --pool-size 8 served 0.91× [0.88–0.93] the knee's req/s"),
    ),
  );
  assert.equal(report.comparisons.length, 1);
  assert.ok(lines.some((line) => line.startsWith('Noise: other processes used more than 10% of a core')));
  const markdown = renderSweepMarkdown(report);
  assert.ok(markdown.includes('## Noise and self-checks'));
  assert.ok(
    markdown.split('\n').includes('| pool --pool-size 8 | 9% | 15% | 200 / 0 |'),
    'one noise-guard row per point',
  );
});

test('three runs: medians in the tables, the knee from the runs, the fit checked against the ceiling', () => {
  const runs = [
    [28, 55, 56, 50, 54],
    [27, 50, 57, 55, 53],
    [29, 56, 55, 51, 55],
  ];
  const report = sweepReportOf(
    [
      {
        kind: 'size',
        variant: 'pool',
        axis: '--pool-size',
        points: [1, 2, 4, 8, 16].flatMap((x, i) => runs.map((rates, r) => point(x, rates[i]!, r + 1))),
        failed: [],
      },
    ],
    3,
  );
  // 2's runs (55, 50, 56) are too spread to show it within 5% of the plateau; 4's are not.
  const knee = report.knees[0]!;
  assert.deepEqual([knee.size, knee.shown, knee.best, knee.plateau.sizes], [4, true, 4, [2, 4, 8, 16]]);
  assert.equal(
    report.recommendation?.text,
    "`--pool-size 4` (≥ 100% of the plateau's req/s at 95% confidence, 3 runs per size; predicted 2 from C = 36 ms under load, W = 1.0 ms, 2 cores)",
  );
  assert.deepEqual(
    report.comparisons.map(({ a, b, outcome, moreRounds }) => [a, b, outcome, moreRounds]),
    [['pool --pool-size 4', 'pool --pool-size 16', 'inconclusive', 1]],
  );
  assert.equal(report.usl?.state, 'fitted');
  if (report.usl?.state !== 'fitted') return;
  assert.ok(report.usl.intervals !== null && report.usl.intervals.sigma.low <= report.usl.intervals.sigma.high);
  assert.equal(report.usl.check.state, 'checked');
  assert.equal(report.usl.kappaIsCoherency, false, 'a rise and a level: the ceiling fits as well');
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
