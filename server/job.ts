import { threadId } from 'node:worker_threads';
import { formatWorkEvent, type LogKind } from './log-line.ts';
import type { Gauging } from './task-progress.ts';
import { spin } from './work.ts';

/** A failure to inject instead of the work (only reachable with --fault-routes). */
export type Fault = 'none' | 'throw' | 'exit';

/** Exit code of a thread (or, on the event loop, the process) that /fault/exit ends. */
export const FAULT_EXIT_CODE = 70;
export const FAULT_THROW_MESSAGE = 'fault injected: the job threw';

/** What a variant is asked to do for one request. Plain data: it crosses to worker threads. */
export interface JobRequest {
  readonly clientId: number;
  readonly iterations: number;
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

/**
 * Runs the work unit for one request on the calling thread, as the original handler did:
 * log the start, spin, log the end. The gauge counts it as running in between.
 */
export function runJob(request: JobRequest, gauge: Gauging): JobResult {
  const log = (kind: LogKind, atMs: number): void => {
    if (request.quiet) return;
    process.stdout.write(`${formatWorkEvent({ atMs, pid: process.pid, threadId, kind, clientId: request.clientId })}\n`);
  };
  // In a worker thread process.exit() ends only that thread; on the event loop it ends the server.
  if (request.fault === 'exit') process.exit(FAULT_EXIT_CODE);
  if (request.fault === 'throw') throw new Error(FAULT_THROW_MESSAGE);
  gauge.enter();
  const startedAtMs = Date.now();
  log('Start', startedAtMs);
  try {
    const counter = spin(request.iterations);
    const endedAtMs = Date.now();
    log('End', endedAtMs);
    return { clientId: request.clientId, pid: process.pid, threadId, counter, startedAtMs, endedAtMs };
  } finally {
    gauge.leave();
  }
}
