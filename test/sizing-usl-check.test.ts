// The USL against the cores' ceiling min(λN, X_max): which the points support, over seeded sweeps
// of each, and each model's lack of fit against the runs' own spread.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUsl, fitCeiling } from '../loadtests/sizing/usl-check.ts';
import { weightedPoints } from '../loadtests/sizing/usl-weights.ts';
import { fitUsl, type UslPoint, uslThroughput } from '../loadtests/sizing/usl.ts';
import { seededNormal } from '../loadtests/stats/seeded-normal.ts';

const SIZES = [1, 2, 3, 4, 8, 16, 32];
const NOISE = 0.02;
/** Three runs per size: the pure error's degrees of freedom. */
const PURE_ERROR_DF = SIZES.length * 2;

function points(truth: (n: number) => number, seed: number): UslPoint[] {
  const deviate = seededNormal(seed);
  return SIZES.map((n) => {
    const throughput = truth(n) * Math.exp(NOISE * deviate());
    return { n, throughput, weight: 1 / (throughput * NOISE) ** 2 };
  });
}

function check(data: readonly UslPoint[]) {
  const fit = fitUsl(data);
  assert.equal(fit.state, 'fitted');
  return checkUsl(data, fit.state === 'fitted' ? fit.weightedSse : Number.NaN, PURE_ERROR_DF);
}

const ceiling = (n: number) => 17 * Math.min(n, 2);
/** A pool that truly loses throughput past 8 threads. */
const retrograde = (n: number) => uslThroughput({ sigma: 0.05, kappa: 0.01, lambda: 20 }, n);

test('the ceiling fit gives back λ and X_max of exact points', () => {
  const fit = fitCeiling(SIZES.map((n) => ({ n, throughput: ceiling(n) })));
  assert.ok(Math.abs(fit.lambda - 17) < 1e-9 && Math.abs(fit.ceiling - 34) < 1e-9, JSON.stringify(fit));
  assert.ok(fit.weightedSse < 1e-18);
});

test('points of a ceiling: the USL is never preferred, and the ceiling fits (100 seeded sweeps)', () => {
  let uslBetter = 0;
  let ceilingRejected = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const result = check(points(ceiling, seed));
    assert.equal(result.state, 'checked');
    if (result.state !== 'checked') return;
    if (result.uslBetter) uslBetter++;
    if ((result.ceiling.lackOfFitP ?? 1) < 0.05) ceilingRejected++;
  }
  assert.ok(uslBetter <= 5, `the USL preferred in ${uslBetter} of 100`);
  assert.ok(ceilingRejected <= 10, `the ceiling's lack of fit rejected in ${ceilingRejected} of 100`);
});

test('points of a curve that falls: the USL is preferred and the ceiling does not fit (100 seeded sweeps)', () => {
  for (let seed = 1; seed <= 100; seed++) {
    const result = check(points(retrograde, seed));
    assert.ok(result.state === 'checked' && result.uslBetter, `seed ${seed}`);
    assert.ok((result.ceiling.lackOfFitP ?? 1) < 0.05, `seed ${seed}: the ceiling's lack of fit`);
  }
});

test('four sizes cannot tell three coefficients from two, and say so', () => {
  const data = points(ceiling, 1).slice(0, 4);
  assert.deepEqual(check(data), {
    state: 'unchecked',
    reason: "4 sizes cannot tell the USL's 3 coefficients from the ceiling's 2 (AICc needs 5 or more)",
  });
});

test('weights: 1 ÷ (X·se)², se at least the median of the points; no spread anywhere, no weights', () => {
  const weighted = weightedPoints([
    { n: 1, throughput: 10, logSe: 0.001, df: 2 },
    { n: 2, throughput: 20, logSe: 0.02, df: 2 },
    { n: 4, throughput: 40, logSe: 0.04, df: 2 },
  ]);
  assert.deepEqual(
    weighted?.map((point) => point.logSe),
    [0.02, 0.02, 0.04],
  );
  assert.ok(Math.abs(weighted![0]!.weight - 1 / (10 * 0.02) ** 2) < 1e-9);
  assert.equal(weightedPoints([{ n: 1, throughput: 10, logSe: 0, df: 2 }]), null);
});
