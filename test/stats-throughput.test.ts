// Throughput from cycles and rounds, on synthetic closed loops whose true rate is known: no server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compare } from '../loadtests/stats/compare.ts';
import { CycleTally, MAX_BATCHES } from '../loadtests/stats/cycle-tally.ts';
import { MIN_ROUNDS, type Throughput, throughputOf } from '../loadtests/stats/throughput.ts';
import {
  burstyLoop,
  clockworkLoop,
  jitteredBursts,
  poissonLoop,
  type SyntheticLoop,
  tallyOf,
} from './helpers/synthetic-loop.ts';

const SIMULATIONS = 1000;

function estimated(throughput: Throughput): Extract<Throughput, { state: 'estimated' }> {
  assert.equal(throughput.state, 'estimated');
  return throughput as Extract<Throughput, { state: 'estimated' }>;
}

/** Share of simulated windows whose interval holds the true rate. */
function coverage(clients: number, windowMs: number, make: (seed: number) => SyntheticLoop): number {
  let held = 0;
  for (let seed = 1; seed <= SIMULATIONS; seed++) {
    const loop = make(seed);
    const { ci95 } = estimated(throughputOf(tallyOf(clients, loop.answers).counts(), windowMs));
    if (ci95[0] <= loop.trueRate && loop.trueRate <= ci95[1]) held++;
  }
  return held / SIMULATIONS;
}

describe('throughput of a closed loop', () => {
  test('a clockwork loop of 1 client, 3 s cycles: within ±3% from 5 cycles', () => {
    const loop = clockworkLoop(1, 3000, 15_500, 7);
    const throughput = estimated(throughputOf(tallyOf(1, loop.answers).counts(), 15_500));
    assert.equal(throughput.rounds, 5);
    assert.ok(Math.abs(throughput.requestsPerSecond / (1 / 3) - 1) < 1e-9, `${throughput.requestsPerSecond}`);
    assert.ok(throughput.ci95[0] >= (1 / 3) * 0.97 && throughput.ci95[1] <= (1 / 3) * 1.03);
  });

  test('fewer rounds than an interval needs: the cycles give the rate, the rounds still needed are named', () => {
    const loop = clockworkLoop(1, 3000, 9_500, 3);
    const throughput = throughputOf(tallyOf(1, loop.answers).counts(), 9_500);
    assert.equal(throughput.state, 'too-few-rounds');
    assert.ok(throughput.state === 'too-few-rounds' && throughput.moreRounds === MIN_ROUNDS - throughput.rounds);
    assert.ok(Math.abs(throughput.requestsPerSecond - 1 / 3) < 1e-9, 'clockwork cycles are exact');
  });

  test('Poisson-like loops: 93–97% of 1000 intervals hold the true rate', () => {
    const held = coverage(4, 12_000, (seed) => poissonLoop(4, 300, 12_000, seed));
    assert.ok(held >= 0.93 && held <= 0.97, `coverage ${held}`);
    const many = coverage(32, 30_000, (seed) => poissonLoop(32, 300, 30_000, seed));
    assert.ok(many >= 0.93 && many <= 0.97, `coverage ${many} with 32 clients`);
  });

  test('bursty loops (dozens of answers at once): 93–97% of 1000 intervals hold the true rate', () => {
    const loop = burstyLoop(64, 100, 500, 1000, 1);
    const sameInstant = new Map<number, number>();
    for (const answer of loop.answers) sameInstant.set(answer.atMs, (sameInstant.get(answer.atMs) ?? 0) + 1);
    assert.ok(Math.max(...sameInstant.values()) >= 24, 'the trace answers dozens at once');
    const held = coverage(64, 60_000, (seed) => burstyLoop(64, 100, 500, 60_000, seed));
    assert.ok(held >= 0.93 && held <= 0.97, `coverage ${held}`);
  });

  test('answers told late by a busy client: the late one and the next cancel, the interval stays narrow', () => {
    const held = coverage(8, 12_000, (seed) => jitteredBursts(8, 1000, 30, 12_000, seed));
    assert.ok(held >= 0.95, `coverage ${held}`);
    const loop = jitteredBursts(8, 1000, 30, 12_000, 5);
    const { ci95 } = estimated(throughputOf(tallyOf(8, loop.answers).counts(), 12_000));
    assert.ok(ci95[0] >= 8 * 0.95 && ci95[1] <= 8 * 1.05, `${ci95.join(' – ')}`);
  });

  test('equal rates come out equivalent, 10% apart differs', () => {
    const runs = 200;
    const windowMs = 120_000;
    const named = (label: string, cycleMs: number, seed: number) => ({
      label,
      estimate: estimated(
        throughputOf(tallyOf(32, poissonLoop(32, cycleMs, windowMs, seed).answers).counts(), windowMs),
      ).estimate,
    });
    let equivalent = 0;
    let differs = 0;
    for (let i = 0; i < runs; i++) {
      const a = named('a', 300, 2 * i + 1);
      if (compare(a, named('b', 300, 2 * i + 2), { metric: 'req/s' }).outcome === 'equivalent') equivalent++;
      if (compare(a, named('c', 300 / 1.1, 2 * i + 2), { metric: 'req/s' }).outcome === 'differs') differs++;
    }
    assert.ok(equivalent / runs >= 0.9, `equivalent ${equivalent} of ${runs}`);
    assert.ok(differs / runs >= 0.9, `differs ${differs} of ${runs}`);
  });

  test('the tally keeps at most twice MAX_BATCHES batches however long the loop runs', () => {
    const tally = new CycleTally(2);
    for (let i = 0; i < 100_000; i++) tally.answer((i % 2) + 1, i);
    const counts = tally.counts();
    assert.ok(counts.batches.length <= 2 * MAX_BATCHES, `${counts.batches.length} batches`);
    assert.equal(counts.rounds, 49_999);
    assert.equal(
      counts.batches.reduce((sum, batch) => sum + batch.rounds, 0),
      counts.rounds,
    );
    assert.equal(tally.served, 100_000);
  });
});

describe('throughput when most answers are turned away (overload)', () => {
  test('every answer ends a cycle, only the served count: 32 clients, one in four served', () => {
    const tally = new CycleTally(32);
    // Each client is answered every 250 ms (a held 503 or a served request); every fourth answer is served.
    for (let step = 0; step < 80; step++)
      for (let client = 1; client <= 32; client++) tally.answer(client, step * 250 + client, (step + client) % 4 === 0);
    const rate = throughputOf(tally.counts(), 20_000);
    assert.equal(rate.state, 'estimated', 'rounds go on though most clients were turned away');
    // 32 clients × 4 answers a second × one in four served = 32 served per second.
    assert.ok(Math.abs(rate.requestsPerSecond - 32) / 32 < 0.02, `${rate.requestsPerSecond} req/s`);
  });
});
