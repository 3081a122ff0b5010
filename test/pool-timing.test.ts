// Pool utilization and queue/run times as /stats reports them, and the percentiles behind them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { poolUtilization, PoolTimer, type TimedPool } from '../server/variants/pool/timing.ts';
import { histogramSummary } from '../loadtests/report/latency-summary.ts';
import { LatencyHistogram } from '../loadtests/stats/latency-histogram.ts';
import { percentile, tailCount } from '../loadtests/stats/percentile.ts';

test('pool utilization: busy worker time over elapsed time times threads', () => {
  assert.equal(poolUtilization(40, 50, 1_000, 2), 1);
  assert.equal(poolUtilization(40, 25, 1_000, 2), 0.5);
  assert.equal(poolUtilization(40, 25, 0, 2), 0);
});

test('PoolTimer: run times from piscina-shaped histograms, waits recorded itself, both since its reset', () => {
  const summary = (mean: number) => ({ mean, p50: mean, p99: mean * 2 });
  let resets = 0;
  const pool: { completed: number; duration: number; histogram: TimedPool['histogram'] } = {
    completed: 100,
    duration: 5_000,
    histogram: { runTime: summary(30), resetRunTime: () => void resets++ },
  };
  const timer = new PoolTimer(pool, 2);
  timer.recordWait(500); // before the reset: not counted
  pool.completed = 120;
  pool.duration = 5_600;
  timer.reset();
  assert.equal(resets, 1, "piscina's run-time histogram restarts at the reset");
  for (const ms of [10, 12, 14]) timer.recordWait(ms);
  pool.completed = 140;
  pool.duration = 6_200;
  const read = timer.read();
  // 20 tasks × 30 ms over 600 ms × 2 threads = 0.5, where piscina 5.3.2 would read 0.0005.
  assert.equal(read.utilization, 0.5);
  assert.equal(read.completed, 20);
  assert.deepEqual(read.runMs, summary(30));
  assert.equal(Math.round(read.waitMs.mean), 12);
  assert.ok(read.waitMs.p99 >= 13.9 && read.waitMs.p99 <= 14.1, `${read.waitMs.p99}`);
});

test('percentiles are nearest-rank, and the p99 tail is counted in requests', () => {
  const values = Array.from({ length: 200 }, (_, i) => i + 1);
  assert.equal(percentile(values, 50), 100);
  assert.equal(percentile(values, 99), 198);
  const histogram = new LatencyHistogram();
  assert.equal(histogramSummary(histogram), null);
  for (const ms of [3, 1, 2]) histogram.record(ms);
  // The histogram keeps three significant digits: each figure within 0.1% of the sample's.
  const summary = histogramSummary(histogram);
  const expected = { count: 3, mean: 2, p50: 2, p99: 3, max: 3 };
  for (const [key, value] of Object.entries(expected))
    assert.ok(
      Math.abs(summary![key as keyof typeof expected] / value - 1) <= 0.001,
      `${key}: ${JSON.stringify(summary)}`,
    );
  assert.equal(tailCount(283, 99), 3);
  assert.equal(tailCount(55, 99), 1);
});
