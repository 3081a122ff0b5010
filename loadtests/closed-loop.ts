// The endless curl loops: N connections, each sending as its own client id and asking again as
// soon as it is answered (pipelining 1). autocannon measures; we only add per-client counts.
import autocannon from 'autocannon';

export interface ClosedLoopOptions {
  readonly baseUrl: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Progress bar on stderr; off when stderr is not a terminal. */
  readonly showProgress: boolean;
}

export interface ClientTally {
  readonly clientId: number;
  /** 2xx answers. */
  readonly served: number;
  /** null when the client was never served. */
  readonly meanLatencyMs: number | null;
}

export interface ClosedLoopResult {
  readonly result: autocannon.Result;
  readonly clients: readonly ClientTally[];
  /** Latency of the 2xx answers only (autocannon's own mixes in every status, fast 503s too). */
  readonly servedLatencyMs: ServedLatency | null;
}

export interface ServedLatency {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles; null for no samples. */
export function servedLatency(samplesMs: readonly number[]): ServedLatency | null {
  if (samplesMs.length === 0) return null;
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: rank(50), p99: rank(99), max: sorted[sorted.length - 1]! };
}

export function clientPath(clientId: number): string {
  return `/${clientId}`;
}

export function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const tallies: { clientId: number; served: number; latencySumMs: number }[] = [];
  const servedLatenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        pipelining: 1,
        duration: options.durationSeconds,
        // Connection i is client i, like the i-th terminal of the original experiment.
        setupClient(client) {
          const tally = { clientId: tallies.length + 1, served: 0, latencySumMs: 0 };
          tallies.push(tally);
          client.setRequests([{ method: 'GET', path: clientPath(tally.clientId) }]);
          client.on('response', (statusCode, _bytes, responseTimeMs) => {
            if (statusCode < 200 || statusCode > 299) return;
            tally.served++;
            tally.latencySumMs += responseTimeMs;
            servedLatenciesMs.push(responseTimeMs);
          });
        },
      },
      (error: unknown, result) => {
        if (error !== null && error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
        else
          resolve({
            result,
            clients: tallies.map((t) => ({ clientId: t.clientId, served: t.served, meanLatencyMs: t.served > 0 ? t.latencySumMs / t.served : null })),
            servedLatencyMs: servedLatency(servedLatenciesMs),
          });
      },
    );
    autocannon.track(instance, { renderProgressBar: options.showProgress, renderResultsTable: false, renderLatencyTable: false });
  });
}
