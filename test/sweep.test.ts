// The sweep's knee and contention verdict from fixed runs: each outcome of the comparison, in
// the report's data and in its sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conclusions } from '../loadtests/sweep/conclusions.ts';
import { sizeVerdict } from '../loadtests/sweep/size-verdict.ts';
import { poolSeries, sweepReportOf } from './fixtures/sweep-report.ts';

const MARGIN = 0.05;
const RISE = { 1: [27.9, 28.1, 28], 2: [55, 55.3, 54.8], 4: [55.6, 55.2, 55.4] };

function verdict(largest: readonly number[]) {
  const found = sizeVerdict(poolSeries({ ...RISE, 8: largest }), MARGIN);
  assert.ok(found !== null);
  return found;
}

test('contention: 8 threads clearly below the knee differ, and the claim holds', () => {
  const { knee, contention } = verdict([49, 50, 49.5]);
  assert.deepEqual([knee.size, knee.shown, knee.plateau.sizes], [2, true, [2, 4]]);
  assert.equal(contention?.outcome, 'differs');
  assert.deepEqual([contention?.a, contention?.b], ['pool --pool-size 2', 'pool --pool-size 8']);
  assert.ok(contention !== null && contention.ratio < 0.95 && contention.ratioCi95[1] < 1);
  const lines = conclusions(sweepReportOf([poolSeries({ ...RISE, 8: [49, 50, 49.5] })], 3));
  assert.ok(
    lines.some((line) =>
      /^pool: more threads cost throughput: --pool-size 8 served 0\.90× \[0\.8\d–0\.9\d\] the knee's req\/s \(--pool-size 2, 95% interval\), a difference, so the contention claim holds at 8 on this machine\.$/.test(
        line,
      ),
    ),
    lines.join('\n'),
  );
});

test('contention: 8 threads as fast as the knee are equivalent within ±5%, and the claim is refuted', () => {
  const { contention } = verdict([55.1, 54.9, 55.2]);
  assert.equal(contention?.outcome, 'equivalent');
  const lines = conclusions(sweepReportOf([poolSeries({ ...RISE, 8: [55.1, 54.9, 55.2] })], 3));
  assert.ok(
    lines.some(
      (line) =>
        line.startsWith('pool: more threads did not cost throughput: --pool-size 8 served 1.00× [0.99–1.01]') &&
        line.endsWith('equivalent within ±5%, so the contention claim is refuted up to 8 on this machine.'),
    ),
    lines.join('\n'),
  );
});

test('contention: runs too spread to decide say how many more would', () => {
  const { contention } = verdict([45, 58, 52]);
  assert.equal(contention?.outcome, 'inconclusive');
  assert.ok(contention !== null && typeof contention.moreRounds === 'number' && contention.moreRounds > 0);
  const lines = conclusions(sweepReportOf([poolSeries({ ...RISE, 8: [45, 58, 52] })], 3));
  assert.ok(
    lines.some((line) =>
      new RegExp(
        `^pool: whether more threads cost throughput is undecided: .*neither shown to differ nor equivalent within ±5%; about ${contention?.moreRounds} more runs? per size \\(--repeat\\) would decide\\.$`,
      ).test(line),
    ),
    lines.join('\n'),
  );
});

test('the knee that is also the best says so, not "within 5% of the best (26.0 at 2)"', () => {
  const report = sweepReportOf([poolSeries({ 1: [13, 13.1, 12.9], 2: [26, 26.1, 25.9], 4: [20, 20.2, 19.9] })], 3);
  const lines = conclusions(report);
  assert.ok(
    lines.includes(
      'pool: the knee is --pool-size 2: 26.0 req/s, the best measured; every other size was shown to differ from it.',
    ),
    lines.join('\n'),
  );
  assert.ok(!lines.some((line) => line.includes('within 5% of the best measured')));
  assert.deepEqual(
    report.comparisons.map((comparison) => comparison.outcome),
    ['differs'],
  );
});

test('no size shown within 5% of the plateau: the best measured stands in, and the report says so', () => {
  const report = sweepReportOf([poolSeries({ 1: [10, 30, 20], 2: [15, 40, 25] })], 3);
  assert.equal(report.knees[0]?.shown, false);
  assert.equal(report.recommendation?.shown, false);
  const lines = conclusions(report);
  assert.ok(
    lines.some(
      (line) =>
        line.startsWith('pool: no size was shown within 5% of the plateau (') &&
        line.endsWith(
          'with 3 runs per size, so the knee is the best measured, --pool-size 2 (25.0 req/s), until more runs (--repeat) decide.',
        ),
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.some((line) => line.startsWith('Measured knee: none shown with 3 runs per size (the best measured is 2)')),
  );
  assert.ok(lines.includes('pool: the knee is the largest size swept, so this sweep says nothing about more threads.'));
});

test('a size whose one run has no interval is named and left out, not silently dropped', () => {
  const series = poolSeries({ 1: [14.9], 2: [30], 4: [31] });
  const noInterval = {
    ...series,
    points: series.points.map((one) =>
      one.x === 4 ? { ...one, run: { ...one.run, requestsPerSecondCi95: null, requestsPerSecondEstimate: null } } : one,
    ),
  };
  const report = sweepReportOf([noInterval]);
  assert.deepEqual(report.knees[0]?.unestimated, [4]);
  const lines = conclusions(report);
  assert.ok(
    lines.includes(
      'pool --pool-size 4: req/s has no interval (one run of too few rounds for one), so the knee and the contention verdict leave it out.',
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes('pool: no size past the knee has an interval, so this sweep says nothing about more threads.'),
  );
  assert.ok(report.usl?.state === 'fitted' && !report.usl.weighted, 'fitted on the medians, unweighted');
});
