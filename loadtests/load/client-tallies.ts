// What a closed loop counts per client while it runs, whichever HTTP client sends the load: the
// 2xx answers and their latencies, for the clients table and the served-latency summary.
import type { ClientTally } from '../report/figures.ts';
import { summarize } from '../report/percentile.ts';
import type { LoadResult } from './load-result.ts';

export interface RunningTally {
  readonly clientId: number;
  served: number;
  latencySumMs: number;
}

export class ClientTallies {
  readonly #tallies: RunningTally[] = [];
  readonly #servedLatenciesMs: number[] = [];

  /** A new client: ids are 1-based, in the order clients are added (connection i is client i). */
  add(): RunningTally {
    const tally = { clientId: this.#tallies.length + 1, served: 0, latencySumMs: 0 };
    this.#tallies.push(tally);
    return tally;
  }

  /** One 2xx answer to `tally`'s client after `latencyMs`. */
  served(tally: RunningTally, latencyMs: number): void {
    tally.served++;
    tally.latencySumMs += latencyMs;
    this.#servedLatenciesMs.push(latencyMs);
  }

  get servedLatenciesMs(): readonly number[] {
    return this.#servedLatenciesMs;
  }

  /** Of the 2xx answers only: under overload, fast 503s would flatter the overall percentiles. */
  servedLatencySummary(): LoadResult['servedLatencyMs'] {
    return summarize(this.#servedLatenciesMs);
  }

  clients(): ClientTally[] {
    return this.#tallies.map((t) => ({
      clientId: t.clientId,
      served: t.served,
      meanLatencyMs: t.served > 0 ? t.latencySumMs / t.served : null,
    }));
  }
}
