// The physical limit of a run: the most requests per second the machine could serve with the
// concurrency the model allows. Every row shows its throughput as a share of it.
import type { Limit, WorkKind } from '../report/figures.ts';
import { clients } from '../report/format.ts';

/** What bounds the server's throughput besides the machine: the model, the clients, the wait. */
export interface LimitBounds {
  readonly work: WorkKind;
  /** What the model allows at once (pool size, workers…); null when it sets no bound. */
  readonly parallelism: number | null;
  readonly connections: number;
  readonly ioMs: number;
  /** Ms each request then holds its thread without CPU (--blocking-io-ms): a thread serves one per C + W. */
  readonly blockingIoMs: number;
}

export interface LimitInput extends LimitBounds {
  readonly cores: number;
  readonly cpuMsPerRequest: number | null;
  /** The requests the CPU cost was calibrated on; null for io work. */
  readonly calibration?: Limit['calibration'];
}

export function physicalLimit(input: LimitInput): Limit {
  const bounds = [clients(input.connections)];
  if (input.parallelism !== null) bounds.push(`${input.parallelism} at once`);
  if (input.work === 'io') {
    const concurrency = Math.min(input.connections, input.parallelism ?? Number.POSITIVE_INFINITY);
    return {
      requestsPerSecond: (concurrency * 1000) / input.ioMs,
      concurrency,
      cpuMsPerRequest: null,
      basis: `min(${bounds.join(', ')}) = ${concurrency} / ${input.ioMs} ms wait per request`,
      calibration: null,
    };
  }
  if (input.cpuMsPerRequest === null || input.cpuMsPerRequest <= 0) {
    throw new Error('a CPU limit needs the calibrated CPU cost of a request');
  }
  const cpuMs = input.cpuMsPerRequest;
  const calibration = input.calibration ?? null;
  const threads = Math.min(input.connections, input.parallelism ?? Number.POSITIVE_INFINITY);
  if (input.blockingIoMs > 0) {
    // A request holds its thread C + W ms but a core only C ms: min(cores ÷ C, threads ÷ (C + W)).
    const heldMs = cpuMs + input.blockingIoMs;
    const byCores = (input.cores * 1000) / cpuMs;
    const byThreads = (threads * 1000) / heldMs;
    return {
      requestsPerSecond: Math.min(byCores, byThreads),
      concurrency: Math.min(threads, (input.cores * heldMs) / cpuMs),
      cpuMsPerRequest: cpuMs,
      basis: `min(${input.cores} cores / ${cpuMs.toFixed(1)} ms CPU, min(${bounds.join(', ')}) = ${threads} / ${heldMs.toFixed(1)} ms held per request)`,
      calibration,
    };
  }
  bounds.unshift(`${input.cores} cores`);
  const concurrency = Math.min(input.cores, threads);
  return {
    requestsPerSecond: (concurrency * 1000) / cpuMs,
    concurrency,
    cpuMsPerRequest: cpuMs,
    basis: `min(${bounds.join(', ')}) = ${concurrency} / ${cpuMs.toFixed(1)} ms CPU per request`,
    calibration,
  };
}
