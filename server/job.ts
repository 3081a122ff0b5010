// One request's work on the calling thread, as the original handler did it: log, count, work, log.
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import type { Gauge } from './gauge.ts';
import { formatWorkEvent, type LogKind } from './log-line.ts';
import { holdThread, spin, type WorkKind } from './work.ts';

/** A failure to inject instead of the work (only reachable with --fault-routes). */
export type Fault = 'none' | 'throw' | 'exit';

/** Exit code of a thread (or, on the event loop, the process) that /fault/exit ends. */
export const FAULT_EXIT_CODE = 70;
export const FAULT_THROW_MESSAGE = 'fault injected: the job threw';

/** What a variant is asked to do for one request. Plain data: it crosses to worker threads. */
export interface JobRequest {
  readonly clientId: number;
  readonly work: WorkKind;
  readonly iterations: number;
  readonly ioMs: number;
  /** After the work, how long the request holds its thread without CPU (--blocking-io-ms). */
  readonly blockingIoMs: number;
  readonly quiet: boolean;
  readonly fault: Fault;
}

export interface JobResult {
  readonly clientId: number;
  readonly pid: number;
  readonly threadId: number;
  readonly counter: number;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
}

/** The work itself; returns the loop's count (0 for a wait). */
export type WorkBody = (request: JobRequest) => number | Promise<number>;

/** The whole loop at once, or the timer. The loop never yields: on the event loop it blocks. */
export const wholeWork: WorkBody = (request) =>
  request.work === 'io' ? sleep(request.ioMs).then(() => 0) : spin(request.iterations);

/**
 * Runs one request's work on the calling thread, as the original handler did: log the start,
 * work, hold the thread if asked (a blocking call after the computing), log the end. The gauge
 * counts it as running in between.
 */
export async function runJob(request: JobRequest, gauge: Gauge, body: WorkBody = wholeWork): Promise<JobResult> {
  const log = (kind: LogKind, atMs: number): void => {
    if (request.quiet) return;
    process.stdout.write(
      `${formatWorkEvent({ atMs, pid: process.pid, threadId, kind, clientId: request.clientId })}\n`,
    );
  };
  // In a worker thread process.exit() ends only that thread; on the event loop it ends the server.
  if (request.fault === 'exit') process.exit(FAULT_EXIT_CODE);
  if (request.fault === 'throw') throw new Error(FAULT_THROW_MESSAGE);
  gauge.enter();
  const startedAtMs = Date.now();
  log('Start', startedAtMs);
  try {
    const counter = await body(request);
    holdThread(request.blockingIoMs);
    const endedAtMs = Date.now();
    log('End', endedAtMs);
    return { clientId: request.clientId, pid: process.pid, threadId, counter, startedAtMs, endedAtMs };
  } finally {
    gauge.leave();
  }
}
