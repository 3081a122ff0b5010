// The server's flags: defaults, ranges, the argv round trip, and a busy port refused in one line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
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
    host: '127.0.0.2',
    port: 0,
    work: 'io',
    poolSize: 3,
    workers: 5,
    uvThreads: 7,
    iterations: 1_234,
    rounds: 3,
    sliceIterations: 5_000,
    ioMs: 9,
    blockingIoMs: 11,
    handler: null,
    transfer: 'clone',
    maxQueue: 5,
    timeoutMs: 250,
    shedHoldMs: 40,
    shedMaxHeld: 6,
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

/** Whether importing `moduleUrl` in a fresh process loads piscina and node:cluster. */
async function loadedBy(moduleUrl: string): Promise<{ piscina: boolean; cluster: boolean }> {
  // piscina is CommonJS, so it shows in require's cache; a built-in shows in process.moduleLoadList.
  const probe = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(moduleUrl)});
    const cached = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({
      piscina: cached.some((path) => /node_modules.piscina./.test(path)),
      cluster: process.moduleLoadList.includes('NativeModule cluster'),
    }));`;
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    probe,
  ]);
  return JSON.parse(stdout) as { piscina: boolean; cluster: boolean };
}

test('server/flags.ts is a leaf: importing it loads neither piscina nor node:cluster', async () => {
  // The registry loads node:cluster, and piscina itself is seen: the probe would see either.
  assert.deepEqual(await loadedBy(new URL('../server/variants/index.ts', import.meta.url).href), {
    piscina: false, // only a pool loads it, when it starts (loadPiscina)
    cluster: true,
  });
  assert.equal((await loadedBy('piscina')).piscina, true);
  assert.deepEqual(await loadedBy(new URL('../server/flags.ts', import.meta.url).href), {
    piscina: false,
    cluster: false,
  });
});
