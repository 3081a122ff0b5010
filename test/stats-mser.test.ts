// MSER-5 on synthetic series whose warm-up is known: a ramp, a step, a flat series, one that never settles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mser5 } from '../loadtests/stats/mser.ts';
import { seededNormal } from '../loadtests/stats/seeded-normal.ts';

/** 100 ms buckets: `level` answers each after a linear ramp from 0 over `ramp` buckets, with noise. */
function buckets(length: number, ramp: number, level: number, noise: number, seed: number): number[] {
  const deviate = seededNormal(seed);
  return Array.from({ length }, (_, i) => level * Math.min(1, i / ramp) + noise * deviate());
}

test('a warm-up ramp of 40 buckets is never kept, and cut near its end, over 200 seeded series', () => {
  let near = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const result = mser5(buckets(300, 40, 10, 1, seed));
    assert.equal(result.state, 'steady');
    if (result.state !== 'steady') return;
    // At bucket 30 the ramp is still a quarter below its level: no cut may keep that.
    assert.ok(result.truncateAt >= 30, `seed ${seed}: cut at ${result.truncateAt}`);
    if (result.truncateAt <= 65) near++;
  }
  // MSER errs on the side of cutting too much (Franklin & White): a few cuts land later.
  assert.ok(near >= 180, `${near} of 200 cut within 25 buckets of the ramp's end`);
});

test('a step in speed (a runtime that speeds up after a while) is cut at the step', () => {
  const deviate = seededNormal(5);
  const series = Array.from({ length: 400 }, (_, i) => (i < 170 ? 5 : 6) + 0.3 * deviate());
  const result = mser5(series);
  assert.equal(result.state, 'steady');
  assert.ok(result.state === 'steady' && result.truncateAt >= 165 && result.truncateAt <= 175, JSON.stringify(result));
});

test('a series in steady state from its second bucket keeps nearly all of it; a flat one all of it', () => {
  assert.deepEqual(mser5(new Array<number>(50).fill(7)), { state: 'steady', truncateAt: 0, used: 50 });
  let short = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const result = mser5(buckets(200, 1, 10, 1, seed));
    if (result.state === 'steady' && result.truncateAt >= 5 && result.truncateAt <= 25) short++;
  }
  assert.ok(short >= 170, `${short} of 200 cut the first batch (its bucket 0 is empty) and at most 25 buckets`);
});

test('a series still rising at its end, or too short, has no steady state, and says why', () => {
  const rising = mser5(Array.from({ length: 100 }, (_, i) => i));
  assert.equal(rising.state, 'not-steady');
  assert.match(rising.state === 'not-steady' ? rising.reason : '', /half-way: the series has not settled/);
  assert.deepEqual(mser5([1, 2, 3, 4, 5, 6, 7]), {
    state: 'not-steady',
    reason: '7 observations make 1 batches of 5, fewer than 4',
  });
  assert.throws(() => mser5([1, 2], 0), /a batch needs 1 or more, got 0/);
});
