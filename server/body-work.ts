// The built-in work kinds that work on the request's body: parse and rewrite JSON, hash, compress.
// Like the loop, they know no HTTP and no threads; each returns a number that goes into the answer,
// so the JIT cannot drop the work. With no body (a GET) they work on an empty one.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';

export type BodyWorkKind = 'json' | 'sha256' | 'gzip';
export const BODY_WORK_KINDS: readonly BodyWorkKind[] = ['json', 'sha256', 'gzip'];

const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** A field-by-field rewrite, as an API layer does between its wire format and its model. */
function transform(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(transform);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, field]) => [key.toUpperCase(), transform(field)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Parse the body, rewrite every key, stringify: returns the bytes written. An empty body is JSON null. */
function jsonRound(body: Uint8Array): number {
  const text = decoder.decode(body);
  return JSON.stringify(transform(JSON.parse(text === '' ? 'null' : text))).length;
}

/** SHA-256 of the body: returns the digest's first 32 bits. */
function sha256Round(body: Uint8Array): number {
  return createHash('sha256').update(body).digest().readUInt32BE(0);
}

/** gzip of the body at zlib's default level: returns the compressed size. */
function gzipRound(body: Uint8Array): number {
  return gzipSync(body).length;
}

const rounds = { json: jsonRound, sha256: sha256Round, gzip: gzipRound } as const satisfies Record<
  BodyWorkKind,
  (body: Uint8Array) => number
>;

/** `count` rounds of `kind` on the body, synchronously on the calling thread; the sum of their numbers. */
export function bodyWork(kind: BodyWorkKind, body: Uint8Array | null, count: number): number {
  let total = 0;
  for (let round = 0; round < count; round++) total += rounds[kind](body ?? EMPTY);
  return total;
}

const gzipOnThreadpool = promisify(gzip);

/**
 * The same rounds through the async form where Node has one (zlib.gzip runs on libuv's threadpool);
 * null for the kinds without one.
 */
export function asyncBodyWork(
  kind: BodyWorkKind,
): ((body: Uint8Array | null, count: number) => Promise<number>) | null {
  if (kind !== 'gzip') return null;
  return async (body, count) => {
    let total = 0;
    for (let round = 0; round < count; round++) total += (await gzipOnThreadpool(body ?? EMPTY)).length;
    return total;
  };
}
