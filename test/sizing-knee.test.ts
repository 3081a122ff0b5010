// The knee from each size's runs: fixed cases, then many seeded noisy sweeps of known curves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plateauKnee, type SizeEstimate } from '../loadtests/sizing/plateau-knee.ts';
import { fromReplicates } from '../loadtests/stats/log-estimate.ts';
import { midpointMedian } from '../loadtests/stats/percentile.ts';
import { seededNormal } from '../loadtests/stats/seeded-normal.ts';

const SIZES = [1, 2, 3, 4, 8, 16, 32];

function estimates(runsBySize: readonly (readonly number[])[]): SizeEstimate[] {
  return runsBySize.map((runs, i) => ({ size: SIZES[i]!, estimate: fromReplicates(runs)! }));
}

test('fixed runs: the plateau pools the sizes not shown to differ from the best; the knee is shown within 5%', () => {
  const knee = plateauKnee(
    estimates([
      [17, 16.8, 17.2],
      [31.8, 32.1, 32],
      [32.2, 32.4, 32],
      [31.9, 32.2, 32.1],
      [32.5, 32, 32.3],
    ]),
  );
  assert.equal(knee.size, 2);
  assert.equal(knee.shown, true);
  assert.deepEqual(knee.plateau.sizes, [2, 3, 4, 8]);
  assert.ok(knee.ratios[0]!.lowerBound < 0.6, 'one thread is half the plateau');
  assert.ok(knee.ratios[1]!.lowerBound >= 0.95 && knee.ratios[1]!.ratio < 1);
});

test('runs too noisy to show any size within 5%: the knee is the best measured, marked not shown', () => {
  const knee = plateauKnee(
    estimates([
      [10, 30, 20],
      [15, 40, 25],
    ]),
  );
  assert.deepEqual([knee.size, knee.shown, knee.best], [2, false, 2]);
  assert.throws(() => plateauKnee([]), /a knee needs at least one size/);
  const alone = plateauKnee(estimates([[10, 10.1, 9.9]]));
  assert.deepEqual([alone.size, alone.shown], [1, false], 'one size alone shows nothing');
});

/** One seeded sweep: `runs` runs per size of `truth` × 100 req/s, each off by a lognormal `cv`. */
function sweep(truth: readonly number[], cv: number, runs: number, seed: number): number[][] {
  const deviate = seededNormal(seed);
  return truth.map((share) => Array.from({ length: runs }, () => 100 * share * Math.exp(cv * deviate())));
}

/** The rule this replaced: the smallest size whose median is within 5% of the best median. */
const maxOfMedians = (runs: readonly (readonly number[])[]): number => {
  const medians = runs.map(midpointMedian);
  return SIZES[medians.findIndex((median) => median >= 0.95 * Math.max(...medians))]!;
};

const SWEEPS = 1000;

test('noise on a flat plateau from 4 threads puts the knee below 4 in at most 5% of 1000 seeded sweeps', () => {
  // 3 threads reach 93% of the plateau: short of it, yet close enough for noise to lift it in.
  const truth = [0.3, 0.6, 0.93, 1, 1, 1, 1];
  for (const cv of [0.02, 0.04, 0.08]) {
    let short = 0;
    let shortBefore = 0;
    for (let seed = 1; seed <= SWEEPS; seed++) {
      const runs = sweep(truth, cv, 3, seed);
      if (plateauKnee(estimates(runs)).size < 4) short++;
      if (maxOfMedians(runs) < 4) shortBefore++;
    }
    assert.ok(short <= 0.05 * SWEEPS, `${cv * 100}% noise: knee short of the plateau in ${short} of ${SWEEPS}`);
    assert.ok(short < shortBefore, `${cv * 100}% noise: ${short}, against ${shortBefore} by the maximum of medians`);
  }
});

test('with runs precise enough, the knee is where the plateau starts', () => {
  let atStart = 0;
  for (let seed = 1; seed <= SWEEPS; seed++) {
    if (plateauKnee(estimates(sweep([0.3, 0.6, 0.93, 1, 1, 1, 1], 0.02, 5, seed))).size === 4) atStart++;
  }
  assert.ok(atStart >= 0.9 * SWEEPS, `${atStart} of ${SWEEPS} at 4`);
});
