import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allDecided, compare, welchDf } from '../loadtests/stats/compare.ts';
import { fromInterval, fromReplicates, intervalOf, type LogEstimate } from '../loadtests/stats/log-estimate.ts';
import { seededRandom } from '../loadtests/stats/seeded-random.ts';
import { tQuantile, tTwoSided } from '../loadtests/stats/student-t.ts';

/** Normal deviates by Box–Muller from a seeded uniform source. */
function normal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** n runs of a rate with a relative noise of `cv`, as replicates. */
function runs(rate: number, n: number, cv: number, deviate: () => number): LogEstimate {
  const estimate = fromReplicates(Array.from({ length: n }, () => rate * Math.exp(cv * deviate())));
  assert.ok(estimate);
  return estimate;
}

describe('Student t', () => {
  test('matches the printed table', () => {
    assert.equal(tTwoSided(0.95, 1).toFixed(3), '12.706');
    assert.equal(tTwoSided(0.95, 10).toFixed(3), '2.228');
    assert.equal(tTwoSided(0.95, 30).toFixed(3), '2.042');
    assert.equal(tTwoSided(0.95, 45).toFixed(3), '2.014');
    assert.equal(tTwoSided(0.95, Number.POSITIVE_INFINITY).toFixed(2), '1.96');
    assert.equal(tQuantile(0.95, 5).toFixed(3), '2.015');
  });
  test('refuses no degrees of freedom', () => assert.throws(() => tQuantile(0.975, 0), /degrees of freedom/));
});

describe('log estimates', () => {
  test('replicates give the geometric mean, and an interval that holds it', () => {
    const estimate = fromReplicates([10, 10, 10 * Math.E ** 0.1, 10 * Math.E ** -0.1]);
    assert.ok(estimate);
    assert.ok(Math.abs(estimate.value - 10) < 1e-9);
    assert.equal(estimate.df, 3);
    const [low, high] = intervalOf(estimate);
    assert.ok(low < 10 && high > 10);
  });
  test('an interval read back gives the same interval', () => {
    const estimate = fromInterval(20, [18, 22], 8, 9);
    assert.ok(estimate);
    const [low, high] = intervalOf(estimate);
    assert.ok(Math.abs(Math.log(high / low) - Math.log(22 / 18)) < 1e-9, 'the same width on the log scale');
    assert.ok(Math.abs(low * high - 20 * 20) < 1e-9, 'centred on the figure, geometrically');
  });
  test('one replicate or a zero is no estimate', () => {
    assert.equal(fromReplicates([3]), null);
    assert.equal(fromReplicates([3, 0]), null);
  });
});

describe('three-outcome comparison', () => {
  const exact = (value: number): LogEstimate => ({ value, logSe: 0.01, df: Number.POSITIVE_INFINITY, units: 10 });
  test('Welch df of two equal estimates is twice each', () => {
    const e = { value: 1, logSe: 0.1, df: 4, units: 5 };
    assert.ok(Math.abs(welchDf(e, e) - 8) < 1e-9);
  });
  test('clear cases: 10% apart differs, identical is equivalent, noisy is inconclusive with a count', () => {
    const apart = compare(
      { label: 'A', estimate: exact(10) },
      { label: 'B', estimate: exact(11) },
      { metric: 'req/s' },
    );
    assert.equal(apart.outcome, 'differs');
    assert.ok(Math.abs(apart.ratio - 1.1) < 1e-9);
    const same = compare({ label: 'A', estimate: exact(10) }, { label: 'B', estimate: exact(10) }, { metric: 'req/s' });
    assert.equal(same.outcome, 'equivalent');
    const noisy = (value: number): LogEstimate => ({ value, logSe: 0.05, df: 4, units: 5 });
    const unsure = compare(
      { label: 'A', estimate: noisy(10) },
      { label: 'B', estimate: noisy(10.3) },
      { metric: 'req/s' },
    );
    assert.equal(unsure.outcome, 'inconclusive');
    assert.ok(unsure.moreRounds !== undefined && unsure.moreRounds !== null && unsure.moreRounds > 0);
    assert.equal(allDecided([apart, same]), true);
    assert.equal(allDecided([apart, unsure]), false);
  });
  test('a wider margin turns a small proven difference into equivalence', () => {
    const a = { label: 'A', estimate: exact(10) };
    const b = { label: 'B', estimate: exact(10.3) };
    assert.equal(compare(a, b, { metric: 'req/s', margin: 0.01 }).outcome, 'differs');
    assert.equal(compare(a, b, { metric: 'req/s', margin: 0.1 }).outcome, 'equivalent');
  });
  test('the rounds it asks for are enough: after them the same ratio decides', () => {
    const noisy = (value: number, units: number): LogEstimate => ({
      value,
      logSe: 0.1 / Math.sqrt(units),
      df: 30,
      units,
    });
    const first = compare(
      { label: 'A', estimate: noisy(10, 5) },
      { label: 'B', estimate: noisy(10.6, 5) },
      { metric: 'x' },
    );
    assert.equal(first.outcome, 'inconclusive');
    const more = (first.moreRounds ?? 0) + 5 + 1;
    const later = compare(
      { label: 'A', estimate: noisy(10, more) },
      { label: 'B', estimate: noisy(10.6, more) },
      { metric: 'x' },
    );
    assert.notEqual(later.outcome, 'inconclusive');
  });
  test('over 1000 simulated pairs: equal rates equivalent >= 90%, 10% apart differs >= 90%, errors rare', () => {
    const deviate = normal(seededRandom(7));
    const tally = { equivalent: 0, differs: 0, equalCalledDifferent: 0 };
    for (let i = 0; i < 1000; i++) {
      const equal = compare(
        { label: 'A', estimate: runs(10, 10, 0.02, deviate) },
        { label: 'B', estimate: runs(10, 10, 0.02, deviate) },
        { metric: 'x' },
      );
      if (equal.outcome === 'equivalent') tally.equivalent++;
      if (equal.outcome === 'differs') tally.equalCalledDifferent++;
      const apart = compare(
        { label: 'A', estimate: runs(10, 10, 0.02, deviate) },
        { label: 'B', estimate: runs(11, 10, 0.02, deviate) },
        { metric: 'x' },
      );
      if (apart.outcome === 'differs') tally.differs++;
    }
    assert.ok(tally.equivalent >= 900, `equivalent ${tally.equivalent}/1000`);
    assert.ok(tally.differs >= 900, `differs ${tally.differs}/1000`);
    assert.ok(tally.equalCalledDifferent <= 10, `equal called different ${tally.equalCalledDifferent}/1000`);
  });
  test('looking after every round spends the error: more looks, a wider interval to decide', () => {
    const noisy = (value: number): LogEstimate => ({ value, logSe: 0.02, df: 20, units: 20 });
    const a = { label: 'A', estimate: noisy(10) };
    const b = { label: 'B', estimate: noisy(10.7) };
    assert.equal(compare(a, b, { metric: 'x' }).outcome, 'differs');
    assert.equal(compare(a, b, { metric: 'x', looks: 40 }).outcome, 'inconclusive');
  });
});
