// The sweep's pure parts from fixed points: the knee and the contention verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knee, sizeVerdict, type SizePoint } from '../loadtests/sweep/knee.ts';

const curve = (pairs: readonly (readonly [number, number])[]): SizePoint[] =>
  pairs.map(([size, requestsPerSecond]) => ({
    size,
    requestsPerSecond,
    p99Ms: 100 * size,
    healthP99Ms: size,
    residentBytes: size * 2 ** 20,
  }));

test('knee: the smallest size within 5% of the best, on rising, flat, noisy and falling curves', () => {
  assert.equal(
    knee(
      curve([
        [1, 28],
        [2, 55],
        [4, 56],
        [8, 55.5],
      ]),
    ).size,
    2,
    'rising, then flat',
  );
  assert.equal(
    knee(
      curve([
        [1, 50],
        [2, 51],
        [4, 50.5],
      ]),
    ).size,
    1,
    'flat from the start',
  );
  assert.equal(
    knee(
      curve([
        [1, 28],
        [2, 52],
        [4, 57],
        [8, 53],
        [16, 56],
      ]),
    ).size,
    4,
    'noisy: 52 is not within 5% of 57',
  );
  assert.equal(
    knee(
      curve([
        [8, 55],
        [1, 28],
        [2, 56],
      ]),
    ).size,
    2,
    'points in any order',
  );
});

test('contention: from the first size past the best after which req/s stays more than 5% below it, else refuted', () => {
  const falling = sizeVerdict(
    curve([
      [1, 28],
      [2, 56],
      [4, 55],
      [8, 52],
      [16, 40],
    ]),
  );
  assert.equal(falling.best.size, 2);
  assert.equal(falling.fellAt?.size, 8);
  assert.equal(
    sizeVerdict(
      curve([
        [1, 28],
        [2, 56],
        [64, 54],
      ]),
    ).fellAt,
    null,
  );
  // One low point that recovers is noise: the fall counts from where it lasts, over two sizes or more.
  assert.equal(
    sizeVerdict(
      curve([
        [1, 27],
        [2, 52.5],
        [4, 49.5],
        [8, 51],
        [16, 48.8],
        [32, 48.2],
        [64, 46.4],
      ]),
    ).fellAt?.size,
    16,
  );
  const lastOnly = sizeVerdict(
    curve([
      [1, 27],
      [2, 50],
      [4, 49],
      [8, 46],
    ]),
  );
  assert.equal(lastOnly.fellAt, null);
  assert.equal(lastOnly.lowOnlyAtLargest?.size, 8);
});
