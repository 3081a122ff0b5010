// make fastapi's flags: the original's loop and the claim's client counts by default, --quick as a
// smoke run, and one line naming the flag for bad input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLIENTS, DEFAULT_LOOP_ITERATIONS, parseFastapiArgs, QUICK } from '../fastapi/flags.ts';
import { runCli } from './helpers/cli.ts';

const FASTAPI_MAIN = fileURLToPath(new URL('../fastapi/main.ts', import.meta.url));

test('by default: the original 100,000,000 loop at 1, 4, 16 and 64 clients, automatic windows with a bound', () => {
  const options = parseFastapiArgs([]);
  assert.equal(options.loopIterations, DEFAULT_LOOP_ITERATIONS);
  assert.equal(DEFAULT_LOOP_ITERATIONS, 100_000_000);
  assert.deepEqual(options.clients, [...DEFAULT_CLIENTS]);
  assert.deepEqual(DEFAULT_CLIENTS, [1, 4, 16, 64]);
  assert.equal(options.autoDuration, 'always');
  assert.equal(options.maxDurationSeconds, 40);
});

test('--clients is sorted and deduplicated; --quick sets the smoke run', () => {
  assert.deepEqual(parseFastapiArgs(['--clients', '64,4,4']).clients, [4, 64]);
  const quick = parseFastapiArgs(['--quick']);
  assert.deepEqual(quick.clients, QUICK.clients);
  assert.equal(quick.loopIterations, QUICK.loopIterations);
  assert.equal(quick.autoDuration, 'never');
  assert.equal(quick.durationSeconds, QUICK.durationSeconds);
});

for (const [args, line] of [
  [
    ['--clients', '0'],
    "error: option '--clients <list>' argument '0' is invalid. Allowed: a comma list of 1 to 8 client counts from 1 to 1000.",
  ],
  [['--quick', '--loop-iterations', '5'], "error: option '--quick' cannot be used with option '--loop-iterations <n>'"],
] as const) {
  test(`refused in one line: ${args.join(' ')}`, async () => {
    const result = await runCli(FASTAPI_MAIN, args);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim(), line);
  });
}
