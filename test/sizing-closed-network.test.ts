// The closed network's throughput, against what can be computed independently of it: the
// finite-source single-server queue (the machine-repairman model, closed form), the limits every
// network reaches, and the value the sweep measured on this project's 2-core machine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closedThroughput, coresThroughput } from '../loadtests/sizing/closed-network.ts';

/** The machine-repairman model: N sources thinking W, one server taking C. X = (1 − P0) ÷ C. */
function repairman(computeMs: number, waitMs: number, threads: number): number {
  let sum = 0;
  let term = 1;
  for (let n = 0; n <= threads; n++) {
    if (n > 0) term *= ((threads - n + 1) * computeMs) / waitMs; // N!/(N−n)! × (C/W)^n
    sum += term;
  }
  return ((1 - 1 / sum) / computeMs) * 1000;
}

const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, expected), `${what}: ${actual} vs ${expected}`);

test('one core: the machine-repairman closed form, at every size', () => {
  for (const [c, w] of [
    [10, 100],
    [13.7, 100],
    [50, 5],
  ] as const)
    for (const threads of [1, 2, 5, 11, 40, 200])
      close(
        closedThroughput({ computeMs: c, waitMs: w }, 1, threads),
        repairman(c, w, threads),
        `C ${c} W ${w} N ${threads}`,
      );
});

test('the limits: one thread alone, no wait, and the cores plateau for a large pool', () => {
  const mixed = { computeMs: 10, waitMs: 100 };
  close(closedThroughput(mixed, 2, 1), 1000 / 110, 'one thread: 1 ÷ (C + W)');
  close(closedThroughput({ computeMs: 10, waitMs: 0 }, 2, 1), 100, 'no wait, one thread: one core');
  close(closedThroughput({ computeMs: 10, waitMs: 0 }, 2, 8), 200, 'no wait: the cores');
  close(closedThroughput(mixed, 2, 256), coresThroughput(mixed, 2), '256 threads: the plateau');
  for (let threads = 1; threads < 64; threads++)
    assert.ok(
      closedThroughput(mixed, 2, threads + 1) > closedThroughput(mixed, 2, threads),
      'more threads never predict less',
    );
});

test('below the bounds where they meet: 88% of the cores at the 17 threads the bounds call enough', () => {
  // C 13.7 ms, W 100 ms on 2 cores: the sweep measured 126–131 req/s at 17 threads, 88% of 146.
  const cost = { computeMs: 13.7, waitMs: 100 };
  const share = closedThroughput(cost, 2, 17) / coresThroughput(cost, 2);
  assert.ok(share > 0.87 && share < 0.89, `${share}`);
});
