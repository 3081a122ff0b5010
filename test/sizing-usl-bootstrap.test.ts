// The USL's parametric bootstrap: seeded, and its 95% intervals hold the true coefficients about
// 95% of the time over simulated sweeps whose noise is known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapUsl } from '../loadtests/sizing/usl-bootstrap.ts';
import { fitUsl, uslThroughput } from '../loadtests/sizing/usl.ts';
import { seededNormal } from '../loadtests/stats/seeded-normal.ts';

const SIZES = [1, 2, 4, 8, 16, 32];
const TRUTH = { sigma: 0.05, kappa: 0.002, lambda: 20 };
const NOISE = 0.03;

/** One simulated sweep: the true curve, each size off by a lognormal NOISE, weighted by it. */
function sweep(seed: number) {
  const deviate = seededNormal(seed);
  const points = SIZES.map((n) => {
    const throughput = uslThroughput(TRUTH, n) * Math.exp(NOISE * deviate());
    return { n, throughput, weight: 1 / (throughput * NOISE) ** 2 };
  });
  const fit = fitUsl(points);
  assert.equal(fit.state, 'fitted');
  return fit as Extract<typeof fit, { state: 'fitted' }>;
}

const noisy = SIZES.map((n) => ({ n, logSe: NOISE }));

test('the bootstrap is seeded: the same fit and noise give the same intervals, which hold the fit', () => {
  const fit = sweep(1);
  const intervals = bootstrapUsl(fit, noisy, { resamples: 200, seed: 7 });
  assert.deepEqual(bootstrapUsl(fit, noisy, { resamples: 200, seed: 7 }), intervals, 'deterministic');
  assert.equal(intervals.state, 'bootstrapped');
  if (intervals.state !== 'bootstrapped') return;
  assert.equal(intervals.fitted, 200);
  for (const key of ['sigma', 'kappa', 'peakN'] as const) {
    const { low, high } = intervals[key];
    assert.ok(low <= fit[key] && fit[key] <= high, `${key} ${fit[key]} in [${low}, ${high}]`);
    assert.ok(low < high, `${key}: an interval, not a point`);
  }
});

test('over 60 simulated sweeps the 95% intervals of σ and κ hold the truth in 52 or more', () => {
  let sigma = 0;
  let kappa = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const intervals = bootstrapUsl(sweep(seed * 7919), noisy, { resamples: 100, seed });
    assert.equal(intervals.state, 'bootstrapped');
    if (intervals.state !== 'bootstrapped') return;
    if (intervals.sigma.low <= TRUTH.sigma && TRUTH.sigma <= intervals.sigma.high) sigma++;
    if (intervals.kappa.low <= TRUTH.kappa && TRUTH.kappa <= intervals.kappa.high) kappa++;
  }
  assert.ok(sigma >= 52 && kappa >= 52, `σ held in ${sigma}, κ in ${kappa} of 60`);
});

test('a point without spread cannot be drawn from; bad options are refused', () => {
  const fit = sweep(1);
  assert.deepEqual(bootstrapUsl(fit, [...noisy.slice(1), { n: 1, logSe: 0 }]), {
    state: 'not-bootstrapped',
    reason: 'a point without spread gives nothing to draw from',
  });
  assert.throws(() => bootstrapUsl(fit, noisy, { level: 1 }), /the level must lie between 0 and 1, got 1/);
  assert.throws(() => bootstrapUsl(fit, noisy, { resamples: 0 }), /resamples must be 1 or more, got 0/);
});
