// The pool variant: each request's loop runs in a piscina worker thread, behind an admission gate.
import type { Piscina } from 'piscina';
import {
  deadlineQueued,
  deadlineRunning,
  deadlineUnreachable,
  isQueueFull,
  messageOf,
  workerFailed,
} from '../../errors.ts';
import { shedsLoad } from '../../shed-flags.ts';
import type { JobResult } from '../../job.ts';
import type { Variant } from '../types.ts';
import { AdmissionGate } from './admission.ts';
import { answerByDeadline } from './answer-by-deadline.ts';
import { RejectionPacer } from './paced-rejection.ts';
import { RunTimeEstimate } from './run-estimate.ts';
import { TaskProgress } from './task-progress.ts';
import { PoolTimer } from './timing.ts';
import { warmEveryThread } from './warm-up.ts';
import type { PoolTask, PoolWorkerData } from './worker.ts';

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

/** piscina, imported on demand: every other variant's server starts without loading it. */
export async function loadPiscina(): Promise<typeof Piscina> {
  return (await import('piscina')).Piscina;
}

/**
 * The project's piscina configuration, shared with `make bench` so it measures the same pool.
 * Pinned min = max: with piscina's defaults (minThreads 1, idleTimeout 0) workers were
 * destroyed and respawned between requests. stricterFIFO serves queued clients in turn;
 * without it one client starved behind the others at --pool-size 1 (piscina issue #1031).
 * Synchronous: piscina announces its first threads (workerCreate) in the next microtask, so
 * listeners must be added before the caller awaits anything.
 */
export function createPool<Task, Result>(Pool: typeof Piscina, spec: PoolSpec): Piscina<Task, Result> {
  return new Pool<Task, Result>({
    filename: spec.filename,
    minThreads: spec.poolSize,
    maxThreads: spec.poolSize,
    idleTimeout: IDLE_TIMEOUT_MS,
    stricterFIFO: true,
    workerData: spec.workerData,
    // Node's default gives workers the options node was started with; the package's bin adds tsx's
    // loader to process.execArgv after start (bin/async-or-pool.js), and the workers need it too.
    execArgv: process.execArgv,
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
    const workerData: PoolWorkerData = { gaugeBuffer: gauge.buffer, handler: options.handler };
    const piscina = createPool<PoolTask, JobResult>(await loadPiscina(), {
      filename: new URL('./worker.ts', import.meta.url).href,
      poolSize: options.poolSize,
      workerData,
    });
    // Requests wait in the gate, which hands out one slot per ready worker: a worker stopped at a
    // deadline or lost to a fault gives its slot back only when piscina's replacement is ready.
    const gate = new AdmissionGate(options.maxQueue, options.timeoutMs);
    const pacer = new RejectionPacer(options.shedHoldMs, options.shedMaxHeld);
    const runs = new RunTimeEstimate();
    const shedding = shedsLoad(options);
    const timer = new PoolTimer(piscina, options.poolSize);
    const ready = new Set<number>();
    piscina.on('workerCreate', (worker: { readonly id: number }) => gate.setSlots(ready.add(worker.id).size));
    piscina.on('workerDestroy', (worker: { readonly id: number }) => {
      ready.delete(worker.id);
      gate.setSlots(ready.size);
    });
    // A worker error outside any task: piscina emits it on the pool; unhandled, it would end the server.
    piscina.on('error', (error: unknown) => process.stderr.write(`pool: ${messageOf(error)}\n`));
    const threads = await warmEveryThread(piscina, options.poolSize).catch(async (error: unknown) => {
      await piscina.close();
      throw error;
    });
    timer.reset(); // the warm-up tasks are no one's requests
    return {
      settings: {
        poolSize: options.poolSize,
        work: options.work,
        iterations: options.iterations,
        blockingIoMs: options.blockingIoMs,
        maxQueue: options.maxQueue,
        timeoutMs: options.timeoutMs,
        shedHoldMs: options.shedHoldMs,
        shedMaxHeld: options.shedMaxHeld,
        transfer: options.transfer,
        abortable: true,
        threadsAnswered: threads.length,
      },
      poolTiming: timer,
      shedding: pacer,
      async run(request, deadline) {
        const queuedAt = performance.now();
        // A full queue's 503 goes out paced (paced-rejection.ts); every other failure as it is.
        const release = await gate
          .enter(deadline)
          .catch((error: unknown) => (isQueueFull(error) ? pacer.turnAway(error) : Promise.reject(error)));
        timer.recordWait(performance.now() - queuedAt);
        // The slot is given back when the worker is free: at the end of its task, not of the answer.
        let finished: Promise<unknown> = Promise.resolve();
        try {
          if (deadline.aborted) throw deadlineQueued(options.timeoutMs); // expired as its slot came free
          const leftMs = options.timeoutMs - (performance.now() - queuedAt);
          if (shedding && runs.cannotFinish(leftMs))
            throw deadlineUnreachable(options.timeoutMs, leftMs, runs.expectedMs ?? 0);
          const startedAt = performance.now();
          const progress = new TaskProgress();
          // move: the body's bytes go to the worker and leave this thread (no copy); clone copies them.
          const transferList = options.transfer === 'move' && request.body !== null ? [request.body.buffer] : [];
          // With a signal, piscina stops a task by terminating its worker: at the deadline, or, when
          // shedding, once the task has also used up the time it was given to run on.
          const stop = new AbortController();
          const task = piscina
            .run({ request, progress: progress.buffer }, { signal: shedding ? stop.signal : deadline, transferList })
            .catch((error: unknown) => {
              const where = progress.abandon(gauge);
              if (!deadline.aborted) throw workerFailed(error);
              throw where === 'queued' ? deadlineQueued(options.timeoutMs) : deadlineRunning(options.timeoutMs);
            });
          finished = task.then(() => runs.record(performance.now() - startedAt)).catch(() => {});
          if (!shedding) return await task;
          return await answerByDeadline(
            task,
            deadline,
            (runsOn) => deadlineRunning(options.timeoutMs, !runsOn),
            () => stop.abort(),
            () => runs.runOnMs(performance.now() - startedAt),
          );
        } finally {
          void finished.then(release);
        }
      },
      close: () => piscina.close(),
    };
  },
};
