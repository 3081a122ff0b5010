// make bench's flags: the defaults, --quick, and refusals in commander's words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommanderError } from 'commander';
import { DEFAULT_CONNECTIONS, DEFAULT_PAIRS, parseBenchArgs, QUICK } from '../bench/flags.ts';

/** Commander prints its one-line message before throwing; keep test output clean. */
function quietly<T>(run: () => T): T {
  const write = process.stderr.write;
  process.stderr.write = () => true;
  try {
    return run();
  } finally {
    process.stderr.write = write;
  }
}

test('bench flags: the issue defaults, --quick shortens every figure, the result is frozen', () => {
  const defaults = parseBenchArgs([]);
  assert.equal(defaults.connections, DEFAULT_CONNECTIONS);
  assert.equal(defaults.pairs, DEFAULT_PAIRS);
  assert.ok(Object.isFrozen(defaults));
  const quick = parseBenchArgs(['--quick']);
  assert.equal(quick.durationSeconds, QUICK.durationSeconds);
  assert.equal(quick.pairs, QUICK.pairs);
  assert.equal(quick.startups, QUICK.startups);
});

test('bench flags: out of range and conflicting options are refused with commander errors', () => {
  assert.throws(
    () => quietly(() => parseBenchArgs(['--pairs', '0'])),
    (error) => error instanceof CommanderError && /Allowed: a whole number from 1 to 20/.test(error.message),
  );
  assert.throws(
    () => quietly(() => parseBenchArgs(['--quick', '--duration', '5'])),
    (error) => error instanceof CommanderError && /cannot be used with/.test(error.message),
  );
});
