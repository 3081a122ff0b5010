// What a measured window amounts to, whichever client engine sent the load.
import type { ClientTally, LatencyMs, LatencySummary } from '../report/figures.ts';
import type { PercentileEstimate } from '../stats/order-statistics.ts';
import type { Throughput } from '../stats/throughput.ts';

/** autocannon's own default: the request timeout of a run whose requests are short. */
export const REQUEST_TIMEOUT_SECONDS = 10;

/** What a closed loop measured inside its window. */
export interface LoadResult {
  readonly durationSeconds: number;
  readonly ok: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Of the 2xx answers, fractional ms; null when none was 2xx. */
  readonly latencyMs: LatencyMs | null;
  /** The same answers as count, mean, p50, p99 and max, nearest-rank. */
  readonly servedLatencyMs: LatencySummary | null;
  /** Answers by HTTP status ("200", "503"…). */
  readonly statusCounts: Readonly<Record<string, number>>;
}

export interface WindowLoad {
  readonly result: LoadResult;
  readonly clients: readonly ClientTally[];
  /** 2xx answers per second from the window's rounds, with its interval when it has enough of them. */
  readonly throughput: Throughput;
  /** Of the 2xx answers, with their order-statistic intervals; null when none was 2xx. */
  readonly latencyPercentiles: {
    readonly p50: PercentileEstimate | null;
    readonly p99: PercentileEstimate | null;
  };
  /** How long the clients waited for their 503s (turned away); null when none came. */
  readonly turnedAwayLatencyMs: LatencySummary | null;
}
