// The endless curl loops: N connections, each sending as its own client id and asking again as
// soon as it is answered (pipelining 1). autocannon measures; we only add per-client counts.
import autocannon from 'autocannon';

export interface ClosedLoopOptions {
  readonly baseUrl: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Every client asks for this path (e.g. /health) instead of its own /<client id>. */
  readonly path?: string;
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
}

export function clientPath(clientId: number): string {
  return `/${clientId}`;
}

export function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const tallies: { clientId: number; served: number; latencySumMs: number }[] = [];
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
          client.setRequests([{ method: 'GET', path: options.path ?? clientPath(tally.clientId) }]);
          client.on('response', (statusCode, _bytes, responseTimeMs) => {
            if (statusCode < 200 || statusCode > 299) return;
            tally.served++;
            tally.latencySumMs += responseTimeMs;
          });
        },
      },
      (error: unknown, result) => {
        if (error !== null && error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
        else
          resolve({
            result,
            clients: tallies.map((t) => ({ clientId: t.clientId, served: t.served, meanLatencyMs: t.served > 0 ? t.latencySumMs / t.served : null })),
          });
      },
    );
    autocannon.track(instance, { renderProgressBar: options.showProgress, renderResultsTable: false, renderLatencyTable: false });
  });
}
