import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { validateOrderAnswer } from './helpers/examples.ts';
import { jsonPayload } from '../loadtests/load/payload.ts';
import hash200 from '../examples/handlers/hash-200.ts';
import validateOrder from '../examples/handlers/validate-order.ts';
import { getJson, startTestServer } from './helpers/server.ts';

test('jsonPayload: exactly the bytes asked for, JSON, the same every time', () => {
  for (const bytes of [1, 2, 3, 60, 200, 4_096, 65_536, 1_048_576]) {
    const body = jsonPayload(bytes);
    assert.equal(body.byteLength, bytes);
    assert.doesNotThrow(() => JSON.parse(body.toString()));
    assert.deepEqual(jsonPayload(bytes), body);
  }
});

test('--work sha256 and gzip work on the body, --rounds times, in the pool; libuv runs gzip', async (t) => {
  const body = randomBytes(10_000);
  const digest32 = createHash('sha256').update(body).digest().readUInt32BE(0);
  const sha = await startTestServer(t, 'pool', { work: 'sha256', rounds: 3, poolSize: 1 });
  const hashed = await getJson<{ counter: number }>(sha, '/1', { method: 'POST', body });
  assert.equal(hashed.body.counter, 3 * digest32);
  for (const variant of ['inline', 'libuv'] as const) {
    const gzip = await startTestServer(t, variant, { work: 'gzip', iterations: 1_000 });
    const zipped = await getJson<{ counter: number }>(gzip, '/1', { method: 'POST', body });
    assert.equal(zipped.body.counter, gzipSync(body).length, variant);
  }
});

test('--work json parses, rewrites and stringifies the body', async (t) => {
  const server = await startTestServer(t, 'cluster', { work: 'json', workers: 1 });
  const body = jsonPayload(2_000);
  const answer = await getJson<{ counter: number }>(server, '/1', { method: 'POST', body });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.counter, body.byteLength, 'upper-cased keys are as long as the originals');
});

test('examples/handlers/validate-order.ts: a valid order from --payload-bytes, invalid input answered, never thrown', () => {
  const order = JSON.parse(jsonPayload(4_096).toString()) as { items: { quantity: number; unitPriceCents: number }[] };
  assert.deepEqual(validateOrder({ clientId: 1, body: jsonPayload(4_096) }), validateOrderAnswer(order));
  assert.deepEqual(validateOrder({ clientId: 1, body: null }), { valid: false, errors: ['no body: POST an order'] });
  assert.deepEqual(validateOrder({ clientId: 1, body: Buffer.from('{oops') }), {
    valid: false,
    errors: ['the body is not JSON'],
  });
  assert.deepEqual(validateOrder({ clientId: 1, body: Buffer.from('{"id":"x","currency":"XXX","items":[]}') }), {
    valid: false,
    errors: ['customer.email is not an address', 'currency is not EUR, USD or GBP', 'items is empty'],
  });
});

test('examples/handlers/hash-200.ts: 200 chained rounds over the body, in the pool', async (t) => {
  const body = randomBytes(1_000);
  let digest = Buffer.alloc(0);
  for (let round = 0; round < 200; round++) digest = createHash('sha256').update(body).update(digest).digest();
  const expected = { rounds: 200, bytes: 1_000, sha256: digest.toString('hex') };
  assert.deepEqual(hash200({ clientId: 1, body }), expected);
  const server = await startTestServer(t, 'pool', {
    handler: new URL('../examples/handlers/hash-200.ts', import.meta.url).pathname,
    poolSize: 1,
  });
  assert.deepEqual((await getJson(server, '/1', { method: 'POST', body })).body, expected);
});
