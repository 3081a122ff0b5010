// The USL fit against published fits of published data, on exact curves, and with weights.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitUsl, type UslCoefficients, type UslPoint, uslThroughput } from '../loadtests/sizing/usl.ts';

const points = (ns: readonly number[], xs: readonly number[]): UslPoint[] =>
  ns.map((n, i) => ({ n, throughput: xs[i]! }));

function fitted(data: readonly UslPoint[]) {
  const fit = fitUsl(data);
  assert.equal(fit.state, 'fitted', fit.state === 'unfit' ? fit.reason : '');
  return fit as Extract<typeof fit, { state: 'fitted' }>;
}

function near(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${what}: ${actual}, expected ${expected} within ${relative * 100}%`,
  );
}

/**
 * Published data with its published fit: the R package usl by Stefan Möding (github.com/smoeding/usl,
 * CRAN "usl"). data/specsdm91.rda holds Gunther's SPEC SDM91 benchmark of a 16-CPU Sun
 * SPARCcenter 2000 (Guerrilla Capacity Planning, Springer 2007): load in simulated users,
 * throughput in scripts per hour. The package's own nonlinear least-squares fit, as its test
 * outputs print it at commit 0c22191b922e23377433cefc71a4ee1fc1d39e9a: tests/usl-nlxb.Rout.save
 * (alpha = σ, beta = κ, gamma = λ) and tests/summary.Rout.save (R² 0.9896); the peak, load 96.52,
 * from tests/summary.Rout.save at 480c97bfbdab9c2e80e64b431d4274f7f94771ff.
 */
const SPECSDM91 = points([1, 18, 36, 72, 108, 144, 216], [64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2]);
const SPECSDM91_FIT = { sigma: 0.0277285, kappa: 0.0001044, lambda: 89.995233, peakN: 96.52, rSquared: 0.9896 };

/**
 * The same package's data/raytracer.rda (a ray tracer on an SGI Origin 2000, processors against
 * throughput), its first six rows, fitted in tests/confint.Rout.save (same repository, 480c97b).
 */
const RAYTRACER_FIRST_SIX = points([1, 4, 8, 12, 16, 20], [20, 78, 130, 170, 190, 200]);
const RAYTRACER_FIRST_SIX_FIT = { sigma: 0.02444, kappa: 0.00163, lambda: 20.85605 };

/** The published figures carry 3 to 7 significant digits; half a percent covers their rounding. */
const PUBLISHED_TOLERANCE = 0.005;

test('SPEC SDM91 (Gunther, via the R package usl): σ, κ, λ, peak N and R² as published', () => {
  const fit = fitted(SPECSDM91);
  for (const key of ['sigma', 'kappa', 'lambda', 'peakN'] as const)
    near(fit[key], SPECSDM91_FIT[key], PUBLISHED_TOLERANCE, key);
  near(fit.rSquared ?? Number.NaN, SPECSDM91_FIT.rSquared, 0.0005, 'R²');
  assert.equal(fit.points, 7);
});

test('ray tracer, first six points (R package usl): σ, κ and λ as published', () => {
  const fit = fitted(RAYTRACER_FIRST_SIX);
  for (const key of ['sigma', 'kappa', 'lambda'] as const)
    near(fit[key], RAYTRACER_FIRST_SIX_FIT[key], PUBLISHED_TOLERANCE, key);
});

const SIZES = [1, 2, 4, 8, 16, 32, 64];
const curve = (model: UslCoefficients) =>
  points(
    SIZES,
    SIZES.map((n) => uslThroughput(model, n)),
  );

test('points exactly on a curve give back its coefficients; the peak is sqrt((1 − σ) ÷ κ)', () => {
  const model = { sigma: 0.05, kappa: 0.002, lambda: 100 };
  const fit = fitted(curve(model));
  for (const key of ['sigma', 'kappa', 'lambda'] as const) near(fit[key], model[key], 1e-6, key);
  near(fit.peakN, Math.sqrt(0.95 / 0.002), 1e-6, 'peak N');
  near(fit.rSquared ?? Number.NaN, 1, 1e-9, 'R²');
});

test('Amdahl data (κ = 0): κ stays on its bound and there is no peak', () => {
  const fit = fitted(curve({ sigma: 0.1, kappa: 0, lambda: 10 }));
  assert.equal(fit.kappa, 0);
  assert.equal(fit.peakN, Number.POSITIVE_INFINITY);
  near(fit.sigma, 0.1, 1e-6, 'sigma');
});

test('points that cannot be fitted say why instead of giving numbers', () => {
  assert.deepEqual(fitUsl(points([1, 2, 2], [10, 18, 19])), {
    state: 'unfit',
    reason: 'three coefficients need at least 3 different N, got 2',
  });
  assert.deepEqual(fitUsl(points([1, 2, 4], [10, 0, 30])), {
    state: 'unfit',
    reason: 'a point needs N ≥ 1, a positive throughput and weight, got N = 2, X = 0, weight 1',
  });
  const flat = fitUsl(points([1, 2, 4], [10, 10, 10]));
  assert.equal(flat.state === 'fitted' && flat.rSquared, null, 'no spread: R² is undefined, not 1 or 0');
});

test('weights: a point known poorly barely pulls the curve; known as well as the rest, it does', () => {
  const model = { sigma: 0.05, kappa: 0.002, lambda: 100 };
  const outlier = (weight: number) =>
    curve(model).map((point) => ({
      ...point,
      throughput: point.n === 8 ? point.throughput * 1.3 : point.throughput,
      weight,
    }));
  const loose = fitted(outlier(1).map((point) => (point.n === 8 ? { ...point, weight: 1e-9 } : point)));
  near(loose.sigma, model.sigma, 1e-3, 'σ with the outlier weighted 1e-9');
  const firm = fitted(outlier(1));
  const at8 = uslThroughput(model, 8);
  near(uslThroughput(loose, 8), at8, 1e-3, 'the loose fit at 8');
  assert.ok(uslThroughput(firm, 8) > at8 * 1.02, 'an outlier of full weight pulls the curve towards it');
  assert.ok(loose.weightedSse < firm.weightedSse);
});
