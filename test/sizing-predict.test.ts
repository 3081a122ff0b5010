// The predicted knee and the sweep planned around it, on fixed numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundsKnee, planSweep, predictedKnee, sweepSizes, throughputBound } from '../loadtests/sizing/predict.ts';

/** The example: ~10 ms of CPU, then 100 ms holding the thread, on 2 cores. */
const MIXED = { computeMs: 10, waitMs: 100 } as const;
const PURE_CPU = { computeMs: 10, waitMs: 0 } as const;

test('the bounds meet at cores × (C + W) ÷ C (Goetz)', () => {
  assert.equal(boundsKnee(MIXED, 2), 22);
  assert.equal(boundsKnee(PURE_CPU, 2), 2, 'pure CPU work: the core count');
  assert.equal(boundsKnee({ computeMs: 9.8, waitMs: 100 }, 2), (2 * 109.8) / 9.8);
  assert.equal(boundsKnee(MIXED, 1.5), 16.5, 'a cgroup quota of 1.5 cores');
});

test('the predicted knee: the closed network within 5% of the plateau, past where the bounds meet', () => {
  assert.equal(predictedKnee(MIXED, 2), 26, 'bounds meet at 22, where the closed loop is at 88%');
  assert.equal(predictedKnee(PURE_CPU, 2), 2, 'pure CPU work: the core count');
  assert.equal(predictedKnee({ computeMs: 11.2, waitMs: 100 }, 2), 24, 'this machine, 18M counts and W 100 ms');
  assert.equal(predictedKnee(MIXED, 1.5), 21, 'a cgroup quota of 1.5 cores');
  assert.equal(predictedKnee(MIXED, 2, 16), 16, 'never past the largest size allowed');
});

test('the bound at a size: the smallest of clients ÷ (C + W), size ÷ (C + W) and cores ÷ C, per second', () => {
  assert.deepEqual(throughputBound(MIXED, 2, 11, 100), { size: 11, requestsPerSecond: 100, bound: 'size' });
  assert.deepEqual(throughputBound(MIXED, 2, 44, 100), { size: 44, requestsPerSecond: 200, bound: 'cores' });
  assert.deepEqual(throughputBound(MIXED, 2, 22, 100), { size: 22, requestsPerSecond: 200, bound: 'cores' });
  assert.deepEqual(throughputBound(MIXED, 2, 44, 11), { size: 44, requestsPerSecond: 100, bound: 'clients' });
  assert.deepEqual(throughputBound(PURE_CPU, 2, 1, 8), { size: 1, requestsPerSecond: 100, bound: 'size' });
  assert.deepEqual(throughputBound(PURE_CPU, 2, 4, 8), { size: 4, requestsPerSecond: 200, bound: 'cores' });
});

test('sweep sizes: geometric from 1 to about 4× the knee, with the knee and a size a fifth below and a quarter above', () => {
  assert.deepEqual(sweepSizes(24), [1, 2, 3, 4, 6, 8, 11, 16, 19, 23, 24, 30, 32, 45, 64, 91]);
  assert.deepEqual(sweepSizes(24, { stepsPerDoubling: 1 }), [1, 2, 4, 8, 16, 19, 24, 30, 32, 64]);
  assert.deepEqual(sweepSizes(2), [1, 2, 3, 4, 6, 8]);
  assert.deepEqual(sweepSizes(0.5), [1, 2], 'under one core: still a pool of one, and one above');
  assert.deepEqual(
    sweepSizes(100, { stepsPerDoubling: 1, maxSize: 256 }),
    [1, 2, 4, 8, 16, 32, 64, 80, 100, 125, 128, 256],
  );
  assert.deepEqual(sweepSizes(100, { stepsPerDoubling: 1, maxSize: 64 }), [1, 2, 4, 8, 16, 32, 64]);
  assert.deepEqual(
    sweepSizes(21, { stepsPerDoubling: 1, reach: 2 }),
    [1, 2, 4, 8, 16, 17, 21, 26, 32],
    '--quick: up to 2×',
  );
});

test('the plan: clients exceed the largest size and twice the knee; the prediction at each size', () => {
  const plan = planSweep(MIXED, 2, { stepsPerDoubling: 1 });
  assert.equal(plan.knee, 26);
  assert.equal(plan.boundsKnee, 22);
  assert.deepEqual(plan.sizes, [1, 2, 4, 8, 16, 21, 26, 32, 33, 64]);
  assert.equal(plan.clients, 65);
  assert.deepEqual(
    plan.predicted.map(({ size, bound }) => `${size}:${bound}`),
    ['1:size', '2:size', '4:size', '8:size', '16:size', '21:size', '26:cores', '32:cores', '33:cores', '64:cores'],
  );
  assert.equal(plan.predicted.at(-1)?.requestsPerSecond, 200, 'cores ÷ C = 2 ÷ 10 ms');
  assert.equal(planSweep(PURE_CPU, 2, { stepsPerDoubling: 1, maxSize: 2 }).clients, 4, 'at least twice the knee');
});

test('inputs that cannot be costs are refused, not turned into a knee', () => {
  assert.throws(() => boundsKnee({ computeMs: 0, waitMs: 100 }, 2), /compute must be a positive number of ms, got 0/);
  assert.throws(() => predictedKnee({ computeMs: 10, waitMs: -1 }, 2), /wait must be zero or a positive/);
  assert.throws(() => predictedKnee(MIXED, 0), /cores must be positive, got 0/);
  assert.throws(
    () => predictedKnee({ computeMs: 0, waitMs: 100 }, 2),
    /compute must be a positive number of ms, got 0/,
  );
  assert.throws(() => sweepSizes(2, { stepsPerDoubling: 0 }), /steps per doubling must be 1 or more/);
});
