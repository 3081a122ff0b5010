// The server's flags: defaults, ranges, the argv round trip, and a busy port refused in one line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TIMEOUT_MS, parseServerArgs, serverArgv } from '../server/flags.ts';
import { runCli, SERVER_MAIN } from './helpers/cli.ts';
import { startTestServer } from './helpers/server.ts';

const badFlags: readonly (readonly [readonly string[], string])[] = [
  [
    ['--pool-size', '0'],
    "error: option '--pool-size <n>' argument '0' is invalid. Allowed: a whole number from 1 to 256.",
  ],
  [
    ['--pool-size', 'abc'],
    "error: option '--pool-size <n>' argument 'abc' is invalid. Allowed: a whole number from 1 to 256.",
  ],
  [
    ['--variant', 'nope'],
    "error: option '--variant <name>' argument 'nope' is invalid. Allowed choices are inline, pool, cluster, chunked, libuv, io.",
  ],
  [
    ['--iterations', '-5'],
    "error: option '--iterations <n>' argument '-5' is invalid. Allowed: a whole number from 1 to 10000000000.",
  ],
  [
    ['--port', '70000'],
    "error: option '--port <n>' argument '70000' is invalid. Allowed: a whole number from 0 to 65535.",
  ],
  [
    ['--max-queue', '-1'],
    "error: option '--max-queue <n>' argument '-1' is invalid. Allowed: a whole number from 0 to 100000.",
  ],
  [
    ['--timeout-ms', '0'],
    "error: option '--timeout-ms <n>' argument '0' is invalid. Allowed: a whole number from 1 to 3600000.",
  ],
  [['--bogus'], "error: unknown option '--bogus'"],
];

for (const [args, message] of badFlags) {
  test(`server ${args.join(' ')}: one line, non-zero exit`, async () => {
    const result = await runCli(SERVER_MAIN, args);
    assert.notEqual(result.code, 0);
    assert.equal(result.stderr.trim(), message);
    assert.equal(result.stdout, '');
  });
}

test('server on a busy port: one line naming the port, non-zero exit', async (t) => {
  const first = await startTestServer(t, 'inline');
  const result = await runCli(SERVER_MAIN, ['--port', String(first.port)]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim(), `error: --port ${first.port} is already in use on 127.0.0.1`);
});

test('serverArgv is the inverse of parseServerArgs', () => {
  const options = {
    variant: 'pool',
    port: 0,
    work: 'io',
    poolSize: 3,
    workers: 5,
    uvThreads: 7,
    iterations: 1_234,
    sliceIterations: 5_000,
    ioMs: 9,
    maxQueue: 5,
    timeoutMs: 250,
    faultRoutes: true,
    quiet: true,
  } as const;
  assert.deepEqual(parseServerArgs(serverArgv(options)), options);
  assert.deepEqual(parseServerArgs(serverArgv({ ...options, faultRoutes: false, quiet: false })), {
    ...options,
    faultRoutes: false,
    quiet: false,
  });
});

test('--max-queue defaults to the pool size squared (at least 64), --timeout-ms to a generous bound, fault routes to off', () => {
  assert.equal(parseServerArgs(['--pool-size', '10']).maxQueue, 100);
  assert.deepEqual(
    (({ maxQueue, timeoutMs, faultRoutes }) => ({ maxQueue, timeoutMs, faultRoutes }))(
      parseServerArgs(['--pool-size', '3']),
    ),
    { maxQueue: 64, timeoutMs: DEFAULT_TIMEOUT_MS, faultRoutes: false },
  );
});

test('numbers may be grouped with underscores', () => {
  assert.equal(parseServerArgs(['--iterations', '100_000_000']).iterations, 100_000_000);
});
