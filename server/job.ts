import { threadId } from 'node:worker_threads';
import type { ConcurrencyGauge } from './gauge.ts';
import { formatWorkEvent, type LogKind } from './log-line.ts';
import { spin } from './work.ts';

/** What a variant is asked to do for one request. Plain data: it crosses to worker threads. */
export interface JobRequest {
  readonly clientId: number;
  readonly iterations: number;
  readonly quiet: boolean;
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
export function runJob(request: JobRequest, gauge: ConcurrencyGauge): JobResult {
  const log = (kind: LogKind, atMs: number): void => {
    if (request.quiet) return;
    process.stdout.write(`${formatWorkEvent({ atMs, pid: process.pid, threadId, kind, clientId: request.clientId })}\n`);
  };
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
