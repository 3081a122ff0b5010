import { Piscina } from 'piscina';
import type { JobRequest, JobResult } from '../job.ts';
import type { PoolWorkerData } from './pool-worker.ts';
import type { Variant } from './types.ts';

/** Longer than any run: threads are never torn down between requests. */
const IDLE_TIMEOUT_MS = 2 ** 31 - 1;

export interface PoolSpec {
  /** URL (href) of the worker module; its default export runs each task. */
  readonly filename: string;
  readonly poolSize: number;
  readonly workerData?: unknown;
  /** piscina's wake-up mechanism; the server keeps piscina's default, `make bench` compares. */
  readonly atomics?: PoolAtomics;
}

export type PoolAtomics = NonNullable<ConstructorParameters<typeof Piscina>[0]>['atomics'];

/**
 * The project's piscina configuration, shared with `make bench` so it measures the same pool.
 * Pinned min = max: with piscina's defaults (minThreads 1, idleTimeout 0) workers were
 * destroyed and respawned between requests. stricterFIFO serves queued clients in turn;
 * without it one client starved behind the others at --pool-size 1 (piscina issue #1031).
 */
export function createPool<Task, Result>(spec: PoolSpec): Piscina<Task, Result> {
  return new Piscina<Task, Result>({
    filename: spec.filename,
    minThreads: spec.poolSize,
    maxThreads: spec.poolSize,
    idleTimeout: IDLE_TIMEOUT_MS,
    stricterFIFO: true,
    workerData: spec.workerData,
    ...(spec.atomics === undefined ? {} : { atomics: spec.atomics }),
  });
}

// The `def` case: the loop runs in a worker_threads pool (piscina). Unlike Python's threadpool
// there is no GIL, so pool-size threads really run at once, up to the number of cores.
export const pool: Variant = {
  summary: 'loop runs in a worker_threads pool (piscina) of --pool-size threads',
  pythonAnalogue: 'def (threadpool)',
  sizeSetting: 'poolSize',
  // One task per worker at a time (piscina's default), whether it spins or waits.
  parallelism: (options) => options.poolSize,
  async start(options, gauge) {
    const workerData: PoolWorkerData = { gaugeBuffer: gauge.buffer };
    const piscina = createPool<JobRequest, JobResult>({
      filename: new URL('./pool-worker.ts', import.meta.url).href,
      poolSize: options.poolSize,
      workerData,
    });
    return {
      settings: { poolSize: options.poolSize, work: options.work, iterations: options.iterations },
      run: (request) => piscina.run(request),
      close: () => piscina.close(),
    };
  },
};
