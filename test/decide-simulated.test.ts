// The stopping rule on simulated runs (no server): two contenders measured block by block with a
// known relative noise, looked at after every block with the error spread over the looks. Equal
// rates are rarely called different however often the run looks; 10% apart they are called
// different, the right way round; equal and quiet, they end equivalent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReplicates } from '../loadtests/decide/replicates.ts';
import { untilDecided } from '../loadtests/decide/stopping.ts';
import { seededRandom } from '../loadtests/stats/seeded-random.ts';

interface Run {
  readonly side: 'a' | 'b';
  readonly rate: number;
}

/** One simulated run-until-decided: b's rate is `ratio` × a's, each run off by a normal relative noise `cv`. */
async function simulate(random: () => number, ratio: number, cv: number, maxBlocks: number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const ofSide = (rows: readonly Run[], side: 'a' | 'b') =>
    rows.filter((row) => row.side === side).map((row) => row.rate);
  let blocks = 0;
  return untilDecided<Run>({
    runBlock: async () => {
      blocks++;
      return [
        { side: 'a', rate: 100 * Math.exp(cv * normal()) },
        { side: 'b', rate: 100 * ratio * Math.exp(cv * normal()) },
      ];
    },
    compareAll: (rows, looks) => [
      compareReplicates(
        { label: 'a', values: ofSide(rows, 'a') },
        { label: 'b', values: ofSide(rows, 'b') },
        { metric: 'req/s', looks },
      ),
    ],
    bound: { maxBlocks, maxSeconds: Number.POSITIVE_INFINITY },
    elapsedSeconds: () => blocks,
  });
}

const SIMULATIONS = 1000;

async function outcomes(seed: number, ratio: number, cv: number, maxBlocks: number) {
  const random = seededRandom(seed);
  const counts = { differs: 0, equivalent: 0, inconclusive: 0, wrongWay: 0 };
  for (let i = 0; i < SIMULATIONS; i++) {
    const [comparison] = (await simulate(random, ratio, cv, maxBlocks)).comparisons;
    assert.ok(comparison);
    counts[comparison.outcome]++;
    if (comparison.outcome === 'differs' && comparison.ratio > 1 !== ratio > 1) counts.wrongWay++;
  }
  return counts;
}

test('equal rates looked at after every block: called different in at most 5% of runs', async () => {
  const counts = await outcomes(11, 1, 0.05, 8);
  assert.ok(counts.differs <= 0.05 * SIMULATIONS, JSON.stringify(counts));
});

test('10% apart with 2% noise: called different, the right way round, in at least 90% of runs', async () => {
  const counts = await outcomes(12, 0.9, 0.02, 8);
  assert.ok(counts.differs >= 0.9 * SIMULATIONS, JSON.stringify(counts));
  assert.equal(counts.wrongWay, 0);
});

test('equal rates with 1% noise: equivalent in at least 90% of runs once allowed enough blocks', async () => {
  const counts = await outcomes(13, 1, 0.01, 8);
  assert.ok(counts.equivalent >= 0.9 * SIMULATIONS, JSON.stringify(counts));
});
