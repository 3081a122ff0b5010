// Makes "listening" mean every pool thread answers. piscina marks its first threads ready as soon as
// it creates them, 100-200 ms before each has loaded its module; a short window read right after
// the listening line would count that start-up as work. So before the server listens, every thread
// runs one no-op task, and a barrier in shared memory holds each task until all have arrived: no
// thread can take two, so the answers come from `threads` distinct threads or not at all.
import { threadId } from 'node:worker_threads';
import type { Piscina } from 'piscina';

/** The worker module's export that runs the warm-up task (see ./worker.ts). */
export const WARM_UP_EXPORT = 'warmUp';

/** Far longer than a worker's start even on a loaded machine; past it the server does not start. */
export const WARM_UP_BOUND_MS = 30_000;

/** The task every thread runs once before the server listens. */
export interface WarmUpTask {
  readonly warmUp: SharedArrayBuffer;
  readonly threads: number;
}

/** Worker side: arrive at the barrier, wait (bounded) for the others, and say which thread this is. */
export function arriveAndWait(task: WarmUpTask): number {
  const arrived = new Int32Array(task.warmUp);
  const deadline = Date.now() + WARM_UP_BOUND_MS;
  let count = Atomics.add(arrived, 0, 1) + 1;
  if (count === task.threads) Atomics.notify(arrived, 0);
  while (count < task.threads && Date.now() < deadline) {
    Atomics.wait(arrived, 0, count, deadline - Date.now());
    count = Atomics.load(arrived, 0);
  }
  return threadId;
}

export class PoolWarmUpError extends Error {
  override name = 'PoolWarmUpError';
}

/** Runs the no-op task on every thread at once; resolves with their thread ids once all answered. */
export async function warmEveryThread(pool: Piscina<unknown, unknown>, threads: number): Promise<readonly number[]> {
  const task: WarmUpTask = { warmUp: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), threads };
  // piscina types one task and result per pool; this export takes its own, so the pool is viewed as such.
  const warm = pool as Piscina<WarmUpTask, number>;
  const ids = new Set(
    await Promise.all(Array.from({ length: threads }, () => warm.run(task, { name: WARM_UP_EXPORT }))),
  );
  if (ids.size !== threads)
    throw new PoolWarmUpError(
      `only ${ids.size} of ${threads} pool threads answered within ${WARM_UP_BOUND_MS / 1000} s`,
    );
  return [...ids];
}
