// A sweep's conclusions, charts and failed points, rendered from a fixed sweep report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conclusions, recommendation } from '../loadtests/sweep/conclusions.ts';
import { renderSweepMarkdown } from '../loadtests/sweep/render.ts';
import { sweepReport } from './fixtures/sweep-report.ts';

test('sweep conclusions and charts from fixed points', () => {
  const report = sweepReport();
  assert.equal(
    recommendation(report),
    'Recommendation for this machine (2 cores, 8 clients): --pool-size 2. It served 55.0 req/s, within 5% of the best measured (56.0 at 4); going on to 8 threads changed req/s 55.0 → 50.0 and p99 82.0 ms → 88.0 ms.',
  );
  assert.ok(
    conclusions(report).includes(
      'pool: only the largest size, --pool-size 8, fell below 95% of the best (50.0 vs 56.0 req/s at 4): one point, so the contention claim is neither confirmed nor refuted here.',
    ),
  );
  const longer = {
    ...report,
    series: [
      { ...report.series[0]!, points: [...report.series[0]!.points, { ...report.series[0]!.points[3]!, x: 16 }] },
    ],
  };
  assert.ok(
    conclusions(longer).includes(
      'pool: more threads cost throughput from --pool-size 8 on: 50.0 req/s there, and every larger size stayed below 95% of the best (56.0 at 4), so the contention claim holds from 8 on this machine.',
    ),
  );
  assert.ok(
    conclusions(report).some((line) => line.startsWith('Noise: other processes used more than 10% of a core')),
    'the fixture run was noisy',
  );
  assert.ok(
    conclusions(report).includes(
      "pool --pool-size 1's latency percentiles rest on 548 requests: its p99 is the slowest 6. The 5% band the knee and the contention claim use is 27.4 requests wide there.",
    ),
  );
  const few = {
    ...report.series[0]!,
    points: report.series[0]!.points.map((p) => ({ ...p, run: { ...p.run, requests: 30 } })),
  };
  assert.ok(
    conclusions({ ...report, series: [few] }).some((line) =>
      line.endsWith('is 1.5 requests wide there, so read the knee and the contention verdict as a hint.'),
    ),
  );
  const workers = { ...longer.series[0]!, variant: 'cluster', axis: '--workers' };
  assert.ok(
    conclusions({ ...longer, series: [workers] }).some((line) =>
      line.startsWith('cluster: more processes cost throughput from --workers 8 on'),
    ),
  );
  const markdown = renderSweepMarkdown(report);
  assert.ok(markdown.includes('## Noise guard'));
  assert.ok(
    markdown.split('\n').includes('| pool --pool-size 8 | 9% | 15% | 200 / 0 |'),
    'one noise-guard row per point',
  );
  for (const line of [
    '  x-axis "--pool-size" ["1", "2", "4", "8"]',
    '  line [28.0, 55.0, 56.0, 50.0]',
    '  y-axis "req/s" 0 --> 62',
    '| 2 | 55.0 | 96% | 71.0 | 82.0 | 2.5 | 195% | 2 | 120 MiB | 0 / 0 / 3 |',
  ]) {
    assert.ok(markdown.split('\n').includes(line), `missing: ${line}`);
  }
});

test('a sweep point that could not be measured is a failed row, and the curve goes on without it', () => {
  const report = sweepReport();
  const reason = 'the pool server (pid 7) exited during start-up (code 1): out of memory';
  const withFailure = { ...report, series: [{ ...report.series[0]!, failed: [{ x: 16, reason }] }] };
  assert.ok(
    conclusions(withFailure).includes(
      `pool --pool-size 16 could not be measured (${reason}); the series goes on without it.`,
    ),
  );
  assert.equal(recommendation(withFailure), recommendation(report), 'the knee is read from the measured points');
  const lines = renderSweepMarkdown(withFailure).split('\n');
  assert.ok(lines.includes('| 16 | failed | – | – | – | – | – | – | – | – |'), 'its row says failed');
  assert.ok(lines.includes('  x-axis "--pool-size" ["1", "2", "4", "8"]'), 'charts show the measured points only');
});
