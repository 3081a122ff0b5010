// make fastapi's flags: the original's loop and the claim's client counts by default, --quick as a
// smoke run, and one line naming the flag for bad input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { estimateLine, estimateSeconds, rowSeconds } from '../fastapi/estimate.ts';
import {
  commonLoadtestArgs,
  DEFAULT_CLIENTS,
  DEFAULT_LOOP_ITERATIONS,
  DEFAULT_MAX_REPLICATES,
  FASTAPI_WINDOW_ROUNDS,
  parseFastapiArgs,
  QUICK,
} from '../fastapi/flags.ts';
import { parseLoadtestArgs } from '../loadtests/flags.ts';
import { runCli } from './helpers/cli.ts';

const FASTAPI_MAIN = fileURLToPath(new URL('../fastapi/main.ts', import.meta.url));

test('by default: the original 100,000,000 loop at 1, 4 and 16 clients, windows of 2 rounds up to 600 s, 5 runs to decide', () => {
  const options = parseFastapiArgs([]);
  assert.equal(options.loopIterations, DEFAULT_LOOP_ITERATIONS);
  assert.equal(DEFAULT_LOOP_ITERATIONS, 100_000_000);
  assert.deepEqual(options.clients, [...DEFAULT_CLIENTS]);
  assert.deepEqual(DEFAULT_CLIENTS, [1, 4, 16]);
  assert.equal(options.maxReplicates, DEFAULT_MAX_REPLICATES);
  assert.equal(DEFAULT_MAX_REPLICATES, 5);
  assert.equal(options.autoDuration, 'never');
  assert.equal(options.durationSeconds, 10);
  assert.equal(options.minRounds, FASTAPI_WINDOW_ROUNDS);
  assert.equal(FASTAPI_WINDOW_ROUNDS, 2);
  assert.equal(options.maxDurationSeconds, 600);
  // Two rounds of 64 one-at-a-time clients of 2.5 s fit under the bound: those rows are not capped.
  assert.ok(2 * 64 * 2.5 <= options.maxDurationSeconds);
});

test('every row, Node and Python, is asked for the same rounds through the load runner', () => {
  const args = commonLoadtestArgs(parseFastapiArgs(['--min-rounds', '3']), 64);
  assert.deepEqual(args.slice(args.indexOf('--duration'), args.indexOf('--duration') + 6), [
    '--duration',
    '10',
    '--max-duration',
    '600',
    '--min-rounds',
    '3',
  ]);
  assert.equal(parseLoadtestArgs(args).minRounds, 3);
  assert.equal(parseLoadtestArgs(['--no-report']).minRounds, undefined);
});

test('the estimate of a run: the same rules as the windows, printed as minutes', () => {
  const options = parseFastapiArgs(['--clients', '64']);
  // async def at 64 clients, 2.5 s alone: start 2, 7 requests alone 17.5, a warm-up round 160, 2 rounds 320, a round to end.
  assert.equal(rowSeconds(options, 2500, 64, 1), 2 + 17.5 + 160 + 320 + 160);
  assert.equal(rowSeconds(options, 2500, 64, 2), 2 + 17.5 + 80 + 160 + 80);
  assert.match(estimateLine(options, 2), /^about \d+ min: 64 clients about \d+ min \(a Python request ~3\.0 s alone; /);
  assert.match(estimateLine(parseFastapiArgs(['--quick']), 2), /^under a minute: /);
  // The default run: no longer than the 49 minutes the old default took, its replicates included.
  const total = estimateSeconds(parseFastapiArgs([]), 2).reduce((sum, count) => sum + count.seconds, 0);
  assert.ok(total <= 49 * 60, `${total} s`);
  const once = estimateSeconds(parseFastapiArgs(['--max-replicates', '1']), 2).at(-1)!.seconds;
  const twice = estimateSeconds(parseFastapiArgs(['--max-replicates', '2']), 2).at(-1)!.seconds;
  assert.equal(twice - once, 2 * rowSeconds(parseFastapiArgs([]), 3000, 16, 1));
});

test('--clients is sorted and deduplicated; --quick sets the smoke run', () => {
  assert.deepEqual(parseFastapiArgs(['--clients', '64,4,4']).clients, [4, 64]);
  const quick = parseFastapiArgs(['--quick']);
  assert.deepEqual(quick.clients, QUICK.clients);
  assert.equal(quick.loopIterations, QUICK.loopIterations);
  assert.equal(quick.autoDuration, 'never');
  assert.equal(quick.durationSeconds, QUICK.durationSeconds);
  assert.equal(quick.maxReplicates, QUICK.maxReplicates);
});

for (const [args, line] of [
  [
    ['--clients', '0'],
    "error: option '--clients <list>' argument '0' is invalid. Allowed: a comma list of 1 to 8 client counts from 1 to 1000.",
  ],
  [['--quick', '--loop-iterations', '5'], "error: option '--quick' cannot be used with option '--loop-iterations <n>'"],
  [
    ['--min-rounds', '0'],
    "error: option '--min-rounds <n>' argument '0' is invalid. Allowed: a whole number from 1 to 20.",
  ],
  [
    ['--max-replicates', '21'],
    "error: option '--max-replicates <n>' argument '21' is invalid. Allowed: a whole number from 1 to 20.",
  ],
] as const) {
  test(`refused in one line: ${args.join(' ')}`, async () => {
    const result = await runCli(FASTAPI_MAIN, args);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim(), line);
  });
}
