// The work unit every variant runs: the original experiment's busy loop, nothing else.
// It knows no HTTP, no threads and no logging, so every concurrency model does the same work.

/** What one request does: spin the CPU (the experiment), or wait on a timer (the I/O control). */
export type WorkKind = 'cpu' | 'io';
export const WORK_KINDS: readonly WorkKind[] = ['cpu', 'io'];

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
