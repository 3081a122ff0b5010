// The physical limit of a run: the most requests per second the machine could serve with the
// concurrency the model allows. Every row shows its throughput as a share of it.
import type { WorkKind } from '../../server/flags.ts';

export interface Limit {
  readonly requestsPerSecond: number;
  /** Requests that can progress at the same instant: the smallest of the bounds below. */
  readonly concurrency: number;
  /** CPU milliseconds one request cost, calibrated in this run; null for io work. */
  readonly cpuMsPerRequest: number | null;
  /** How the limit was obtained, in numbers. */
  readonly basis: string;
}

export interface LimitInput {
  readonly work: WorkKind;
  readonly cores: number;
  /** What the model allows at once (pool size, workers…); null when it sets no bound. */
  readonly parallelism: number | null;
  readonly connections: number;
  readonly cpuMsPerRequest: number | null;
  readonly ioMs: number;
}

export function physicalLimit(input: LimitInput): Limit {
  const bounds = [`${input.connections} clients`];
  if (input.parallelism !== null) bounds.push(`${input.parallelism} at once`);
  if (input.work === 'io') {
    const concurrency = Math.min(input.connections, input.parallelism ?? Number.POSITIVE_INFINITY);
    return {
      requestsPerSecond: (concurrency * 1000) / input.ioMs,
      concurrency,
      cpuMsPerRequest: null,
      basis: `min(${bounds.join(', ')}) = ${concurrency} / ${input.ioMs} ms wait per request`,
    };
  }
  if (input.cpuMsPerRequest === null || input.cpuMsPerRequest <= 0) {
    throw new Error('a CPU limit needs the calibrated CPU cost of a request');
  }
  bounds.unshift(`${input.cores} cores`);
  const concurrency = Math.min(input.cores, input.connections, input.parallelism ?? Number.POSITIVE_INFINITY);
  return {
    requestsPerSecond: (concurrency * 1000) / input.cpuMsPerRequest,
    concurrency,
    cpuMsPerRequest: input.cpuMsPerRequest,
    basis: `min(${bounds.join(', ')}) = ${concurrency} / ${input.cpuMsPerRequest.toFixed(1)} ms CPU per request`,
  };
}
