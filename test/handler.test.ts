import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BODY_BUFFER_HEADER } from '../server/app.ts';
import type { VariantName } from '../server/flags.ts';
import { MAX_BODY_BYTES } from '../server/workload-flags.ts';
import { runCli, SERVER_MAIN } from './helpers/cli.ts';
import { getJson, startTestServer, stats } from './helpers/server.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/handlers/${name}`, import.meta.url));
const BODY_DIGEST = fixture('body-digest.ts');

const contractErrors: readonly (readonly [string, readonly string[], string])[] = [
  [
    'a module that does not exist',
    ['--handler', fixture('missing.ts')],
    `error: option '--handler <path>' argument '${fixture('missing.ts')}' is invalid. Allowed: a module file; there is no file at ${fixture('missing.ts')}.`,
  ],
  [
    'no default function',
    ['--handler', fixture('no-default.ts')],
    `error: --handler ${fixture('no-default.ts')} must export a default function ({ clientId, body }) => answer, its default export is missing`,
  ],
  [
    'a throw at import',
    ['--handler', fixture('throws-at-import.ts')],
    `error: --handler ${fixture('throws-at-import.ts')} threw while it was imported: broken at import`,
  ],
  [
    'a throw on the test call',
    ['--handler', fixture('throws-on-call.ts')],
    `error: --handler ${fixture('throws-on-call.ts')} threw when called with { clientId: 1, body: null }: broken on call`,
  ],
  [
    'a variant that cannot run it',
    ['--handler', BODY_DIGEST, '--variant', 'chunked'],
    "error: --handler runs where a request's own code can run as it is (--variant inline, pool, cluster), got --variant chunked",
  ],
  [
    'a --work beside it',
    ['--handler', BODY_DIGEST, '--work', 'io'],
    'error: --handler replaces --work: give one of them, got --work io',
  ],
  [
    'a body work kind on a variant that slices',
    ['--work', 'json', '--variant', 'chunked'],
    'error: --work json runs whole on a thread (--variant inline, pool, cluster; libuv for gzip), got --variant chunked',
  ],
];

for (const [what, args, message] of contractErrors) {
  test(`--handler contract, ${what}: one line before listening, non-zero exit`, async () => {
    const result = await runCli(SERVER_MAIN, ['--port', '0', '--quiet', ...args]);
    assert.notEqual(result.code, 0);
    assert.equal(result.stderr.trim(), message);
    assert.doesNotMatch(result.stdout, /listening/);
  });
}

interface Digest {
  readonly clientId: number;
  readonly bytes: number | null;
  readonly sha256: string | null;
}

const variantsWithHandler: readonly VariantName[] = ['inline', 'pool', 'cluster'];
for (const variant of variantsWithHandler) {
  test(`${variant}: the body reaches the handler intact, and its answer is the response`, async (t) => {
    const server = await startTestServer(t, variant, { handler: BODY_DIGEST, poolSize: 1, workers: 1 });
    const body = randomBytes(256 * 1024);
    const posted = await getJson<Digest>(server, '/7', { method: 'POST', body });
    assert.equal(posted.status, 200);
    assert.deepEqual(posted.body, {
      clientId: 7,
      bytes: body.byteLength,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    const got = await getJson<Digest>(server, '/8');
    assert.deepEqual(got.body, { clientId: 8, bytes: null, sha256: null }, 'a GET gives the handler no body');
  });
}

for (const [transfer, after] of [
  ['move', 'detached'],
  ['clone', 'kept'],
] as const) {
  test(`pool --transfer ${transfer}: the main thread's copy of the body is ${after}`, async (t) => {
    const server = await startTestServer(t, 'pool', { handler: BODY_DIGEST, poolSize: 1, transfer });
    const body = randomBytes(4096);
    const answer = await getJson<Digest>(server, '/3', { method: 'POST', body });
    assert.equal(answer.body.sha256, createHash('sha256').update(body).digest('hex'));
    assert.equal(answer.headers.get(BODY_BUFFER_HEADER), after);
  });
}

test('inline keeps the body on its own thread', async (t) => {
  const server = await startTestServer(t, 'inline', { handler: BODY_DIGEST });
  const answer = await getJson<Digest>(server, '/3', { method: 'POST', body: randomBytes(64) });
  assert.equal(answer.headers.get(BODY_BUFFER_HEADER), 'kept');
});

for (const variant of variantsWithHandler) {
  test(`${variant}: a handler that throws answers 500, is counted, and the server goes on serving`, async (t) => {
    const server = await startTestServer(t, variant, {
      handler: fixture('throws-for-13.ts'),
      poolSize: 1,
      workers: 1,
    });
    const failed = await getJson<{ error: string; message: string }>(server, '/13');
    assert.equal(failed.status, 500);
    assert.match(failed.body.message, /client 13 is not served/);
    assert.deepEqual((await getJson<{ clientId: number }>(server, '/2')).body, { clientId: 2 });
    const counted = await stats(server);
    assert.equal(counted.failed, 1);
    assert.equal(counted.served, 1);
  });
}

test(`a body over ${MAX_BODY_BYTES} bytes gets 413, and the server goes on serving`, async (t) => {
  const server = await startTestServer(t, 'inline', { handler: BODY_DIGEST });
  const tooLarge = await getJson<{ error: string }>(server, '/1', {
    method: 'POST',
    body: new Uint8Array(MAX_BODY_BYTES + 1),
  });
  assert.equal(tooLarge.status, 413);
  assert.equal(tooLarge.body.error, 'body_too_large');
  assert.equal((await getJson<Digest>(server, '/1', { method: 'POST', body: new Uint8Array(10) })).body.bytes, 10);
});
