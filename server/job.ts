// One request's work on the calling thread, as the original handler did it: log, count, work, log.
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { bodyWork } from './body-work.ts';
import { handlerFailed } from './errors.ts';
import type { Gauge } from './gauge.ts';
import { type Handler, loadHandler } from './handler.ts';
import { formatWorkEvent, type LogKind } from './log-line.ts';
import { holdThread, isBodyWork, spin, type WorkKind } from './work.ts';

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
  /** Times a body work kind runs on the body (--rounds). */
  readonly rounds: number;
  readonly ioMs: number;
  /** After the work, how long the request holds its thread without CPU (--blocking-io-ms). */
  readonly blockingIoMs: number;
  readonly quiet: boolean;
  readonly fault: Fault;
  /** The request's body (a POST), or null (a GET). Its own ArrayBuffer, so it can be transferred. */
  readonly body: Uint8Array<ArrayBuffer> | null;
}

/** What the work gave: the built-in work's number, or the answer of the user's --handler. */
export type WorkOutput = { readonly counter: number } | { readonly handlerAnswer: unknown };

export type JobResult = {
  readonly clientId: number;
  readonly pid: number;
  readonly threadId: number;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
} & WorkOutput;

/** The work itself: the built-in work's number (the loop's count, 0 for a wait), or a handler's answer. */
export type WorkBody = (request: JobRequest) => WorkOutput | Promise<WorkOutput>;

/** The built-in work by its number: its WorkBody. */
export const counted =
  (work: (request: JobRequest) => number | Promise<number>): WorkBody =>
  async (request) => ({ counter: await work(request) });

/** The whole loop at once, the timer, or the body work. None yields: on the event loop they block. */
export const wholeWork: WorkBody = counted((request) => {
  if (request.work === 'io') return sleep(request.ioMs).then(() => 0);
  if (isBodyWork(request.work)) return bodyWork(request.work, request.body, request.rounds);
  return spin(request.iterations);
});

/** The user's --handler as the work: it gets the client and the body, its answer is the response. */
export const handlerWork =
  (handler: Handler): WorkBody =>
  async (request) => {
    try {
      return { handlerAnswer: await handler({ clientId: request.clientId, body: request.body }) };
    } catch (cause) {
      throw handlerFailed(cause);
    }
  };

/** The work of a thread that runs whole requests: the user's handler, loaded here, or the built-in work. */
export async function workBodyFor(handlerPath: string | null): Promise<WorkBody> {
  return handlerPath === null ? wholeWork : handlerWork(await loadHandler(handlerPath));
}

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
    const output = await body(request);
    holdThread(request.blockingIoMs);
    const endedAtMs = Date.now();
    log('End', endedAtMs);
    return { clientId: request.clientId, pid: process.pid, threadId, ...output, startedAtMs, endedAtMs };
  } finally {
    gauge.leave();
  }
}
