import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { abbaSequence, blockOrder } from '../loadtests/decide/abba.ts';
import { compareReplicates } from '../loadtests/decide/replicates.ts';
import { looksOf, stopAfter, stopLine, untilDecided } from '../loadtests/decide/stopping.ts';
import type { Comparison } from '../loadtests/stats/compare.ts';

/** The fastapi example at 1 client: each answer a full cycle of the closed loop (ms). */
const ASYNC_DEF_CYCLES_MS = [2927, 2983, 3028];
const DEF_CYCLES_MS = [3152, 3183, 3197];
const rates = (cyclesMs: readonly number[]) => cyclesMs.map((ms) => 1000 / ms);

const comparison = (outcome: Comparison['outcome']): Comparison => ({
  a: 'a',
  b: 'b',
  metric: 'req/s',
  ratio: 1,
  ratioCi95: [0.9, 1.1],
  outcome,
  margin: 0.05,
});
const bound = { maxBlocks: 5, maxSeconds: 100 };

describe('ABBA interleaving', () => {
  test('two contenders alternate A B B A A B B A', () =>
    assert.deepEqual(abbaSequence(['A', 'B'], 4).join(''), 'ABBAABBA'));
  test('three run forward then backward', () => assert.deepEqual(abbaSequence(['A', 'B', 'C'], 2).join(''), 'ABCCBA'));
  test('odd blocks reverse without touching the input', () => {
    const input = ['x', 'y'];
    assert.deepEqual(blockOrder(input, 1), ['y', 'x']);
    assert.deepEqual(input, ['x', 'y']);
  });
});

describe('replicate comparisons', () => {
  test("the fastapi example's cycles at 1 client: def served fewer, beyond doubt", () => {
    const result = compareReplicates(
      { label: 'async def', values: rates(ASYNC_DEF_CYCLES_MS) },
      { label: 'def', values: rates(DEF_CYCLES_MS) },
      { metric: 'req/s' },
    );
    assert.equal(result.outcome, 'differs');
    assert.ok(result.ratio < 1 && result.ratioCi95[1] < 1, `ratio ${result.ratio} [${result.ratioCi95}]`);
  });
  test('one run a side decides nothing and says how many runs are missing', () => {
    const result = compareReplicates({ label: 'a', values: [1] }, { label: 'b', values: [2, 2.1] }, { metric: 'x' });
    assert.equal(result.outcome, 'inconclusive');
    assert.equal(result.moreRounds, 1);
  });
  test('a censored side that came out larger still differs: its truth is only larger', () => {
    const result = compareReplicates(
      { label: 'def', values: [19, 195, 25] },
      { label: 'async def', values: [30_000, 30_000, 30_000], censored: true },
      { metric: '/health p99' },
    );
    assert.equal(result.outcome, 'differs');
    assert.deepEqual(result.censored, ['async def']);
  });
  test('two censored sides cannot be equivalent: both waited at least the timeout, no more is known', () => {
    const censoredRuns = { values: [30_000, 30_000], censored: true };
    const result = compareReplicates(
      { label: 'a', ...censoredRuns },
      { label: 'b', ...censoredRuns },
      { metric: 'p99' },
    );
    assert.equal(result.outcome, 'inconclusive');
    assert.equal(result.moreRounds, null);
  });
  test('a censored side that came out smaller proves nothing', () => {
    const result = compareReplicates(
      { label: 'a', values: [100, 101, 99] },
      { label: 'b', values: [50, 51, 49], censored: true },
      { metric: 'p99' },
    );
    assert.equal(result.outcome, 'inconclusive');
  });
});

describe('stopping rule', () => {
  test('stops when every comparison is decided, once both sides have replicates', () => {
    assert.equal(stopAfter(1, [comparison('differs')], 10, 10, bound).state, 'continue');
    assert.deepEqual(stopAfter(2, [comparison('differs'), comparison('equivalent')], 20, 10, bound), {
      state: 'decided',
      blocks: 2,
    });
  });
  test('stops at the block bound and at the time bound, and says which', () => {
    const atBlocks = stopAfter(5, [comparison('inconclusive')], 50, 10, bound);
    assert.equal(atBlocks.state, 'bound');
    const atTime = stopAfter(3, [comparison('inconclusive')], 95, 10, bound);
    assert.equal(atTime.state, 'bound');
    assert.ok(atTime.state === 'bound' && /100 s bound/.test(stopLine(atTime)), JSON.stringify(atTime));
    assert.equal(stopAfter(3, [comparison('inconclusive')], 80, 10, bound).state, 'continue');
    // Before a side has the replicates a look needs, the time bound waits.
    assert.equal(stopAfter(1, [comparison('inconclusive')], 95, 10, bound).state, 'continue');
  });
  test('stops early when what is open no count of runs can decide', () => {
    const hopeless = { ...comparison('inconclusive'), moreRounds: null };
    assert.equal(stopAfter(2, [comparison('differs'), hopeless], 20, 10, bound).state, 'undecidable');
    assert.equal(stopAfter(2, [{ ...hopeless, moreRounds: 3 }], 20, 10, bound).state, 'continue');
  });
  test('the error is spread over every look the bound allows', () => assert.equal(looksOf(5), 4));
  test('the loop runs blocks until decided, and looks with the spread error', async () => {
    const looksSeen: number[] = [];
    let clock = 0;
    const result = await untilDecided<number>({
      runBlock: async (block) => {
        clock += 10;
        return [block];
      },
      compareAll: (rows, looks) => {
        looksSeen.push(looks);
        return [comparison(rows.length >= 3 ? 'differs' : 'inconclusive')];
      },
      bound,
      elapsedSeconds: () => clock,
    });
    assert.deepEqual(result.rows, [0, 1, 2]);
    assert.deepEqual(result.stop, { state: 'decided', blocks: 3 });
    assert.deepEqual(new Set(looksSeen), new Set([4]));
  });
  test('the loop stops at its bound undecided', async () => {
    let clock = 0;
    const result = await untilDecided<number>({
      runBlock: async (block) => {
        clock += 30;
        return [block];
      },
      compareAll: () => [comparison('inconclusive')],
      bound,
      elapsedSeconds: () => clock,
    });
    assert.equal(result.stop.state, 'bound');
    assert.equal(result.rows.length, 3);
    assert.match(stopLine(result.stop as Exclude<typeof result.stop, { state: 'continue' }>), /100 s bound/);
  });
});
