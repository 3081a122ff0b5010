// A weighted sum of log estimates: a difference of two is the comparison's own d, se and Welch df.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { welchDf } from '../loadtests/stats/compare.ts';
import { combineLogs } from '../loadtests/stats/log-combination.ts';

const a = { value: 20, logSe: 0.03, df: 2, units: 3 };
const b = { value: 22, logSe: 0.05, df: 4, units: 5 };

test('ln b − ln a: the log ratio, the root sum of squares, and Welch–Satterthwaite df', () => {
  const difference = combineLogs([
    { coefficient: 1, estimate: b },
    { coefficient: -1, estimate: a },
  ]);
  assert.ok(Math.abs(difference.log - Math.log(22 / 20)) < 1e-12);
  assert.ok(Math.abs(difference.se - Math.hypot(0.03, 0.05)) < 1e-12);
  assert.ok(Math.abs(difference.df - welchDf(a, b)) < 1e-9);
});

test('coefficients scale each variance by their square; no variance at all has infinite df', () => {
  const half = combineLogs([{ coefficient: 0.5, estimate: a }]);
  assert.ok(Math.abs(half.se - 0.015) < 1e-12);
  assert.equal(half.df, 2, 'one term keeps its df');
  const exact = combineLogs([{ coefficient: 1, estimate: { ...a, logSe: 0 } }]);
  assert.deepEqual([exact.se, exact.df], [0, Number.POSITIVE_INFINITY]);
});
