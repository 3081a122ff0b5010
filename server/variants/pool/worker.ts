// Runs in each of the pool's worker threads. The gauge's memory is shared with the main thread,
// so /stats counts a job as running only while a worker actually runs it, not while it queues.
import { workerData } from 'node:worker_threads';
import { ConcurrencyGauge } from '../../gauge.ts';
import { runJob, workBodyFor, type JobRequest, type JobResult } from '../../job.ts';
import { TaskProgress } from './task-progress.ts';
import { arriveAndWait, type WarmUpTask } from './warm-up.ts';

export interface PoolWorkerData {
  readonly gaugeBuffer: SharedArrayBuffer;
  /** --handler, loaded in each worker; null = the built-in work. */
  readonly handler: string | null;
}

/** What crosses to the worker: the job, and the shared cell that tracks its progress. */
export interface PoolTask {
  readonly request: JobRequest;
  readonly progress: SharedArrayBuffer;
}

const data = workerData as PoolWorkerData;
const gauge = new ConcurrencyGauge(data.gaugeBuffer);
// Loaded once per worker, on its first task; the server checked the handler before it started.
const work = workBodyFor(data.handler);

export default async function poolJob(task: PoolTask): Promise<JobResult> {
  return runJob(task.request, new TaskProgress(task.progress).tracking(gauge), await work);
}

/** Once per thread before the server listens; it waits for the handler too, so the first request finds it loaded. */
export async function warmUp(task: WarmUpTask): Promise<number> {
  await work;
  return arriveAndWait(task);
}
