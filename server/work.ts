// The work unit every variant runs: the original experiment's busy loop, and the blocking wait
// that may follow it. It knows no HTTP, no threads and no logging, so every concurrency model does
// the same work.

import { BODY_WORK_KINDS, type BodyWorkKind } from './body-work.ts';

/**
 * What one request does: spin the CPU (the experiment), wait on a timer (the I/O control), or one
 * of the kinds that work on the request's body (body-work.ts).
 */
export type WorkKind = 'cpu' | 'io' | BodyWorkKind;
export const WORK_KINDS: readonly WorkKind[] = ['cpu', 'io', ...BODY_WORK_KINDS];

export function isBodyWork(kind: WorkKind): kind is BodyWorkKind {
  return (BODY_WORK_KINDS as readonly WorkKind[]).includes(kind);
}

/** The original FastAPI handler counted to 100,000,000; so do we by default. */
export const DEFAULT_ITERATIONS = 100_000_000;

/**
 * Counts to `iterations` one increment at a time and returns the count. The caller must use
 * the result (it goes into the response) so the JIT cannot drop the loop.
 */
export function spin(iterations: number): number {
  let counter = 0;
  for (let i = 0; i < iterations; i++) counter++;
  return counter;
}

/**
 * Holds the calling thread for `ms` without using the CPU, as a synchronous database driver does
 * while it waits for its answer. Atomics.wait on memory no one else can see: nothing wakes it early.
 * On the event loop it stalls the whole server (Node allows Atomics.wait on the main thread).
 */
export function holdThread(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)), 0, 0, ms);
}
