import { Piscina } from 'piscina';
import type { JobRequest, JobResult } from '../job.ts';
import { PoolTimer } from '../pool-timing.ts';
import type { PoolWorkerData } from './pool-worker.ts';
import type { Variant } from './types.ts';

/** Longer than any run: threads are never torn down between requests. */
const IDLE_TIMEOUT_MS = 2 ** 31 - 1;

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
    // Pinned min = max: with piscina's defaults (minThreads 1, idleTimeout 0) workers were
    // destroyed and respawned between requests. stricterFIFO serves queued clients in turn;
    // without it one client starved behind the others at --pool-size 1 (piscina issue #1031).
    const piscina = new Piscina<JobRequest, JobResult>({
      filename: new URL('./pool-worker.ts', import.meta.url).href,
      minThreads: options.poolSize,
      maxThreads: options.poolSize,
      idleTimeout: IDLE_TIMEOUT_MS,
      stricterFIFO: true,
      workerData,
    });
    return {
      settings: { poolSize: options.poolSize, work: options.work, iterations: options.iterations },
      run: (request) => piscina.run(request),
      poolTiming: new PoolTimer(piscina, options.poolSize),
      close: () => piscina.close(),
    };
  },
};
