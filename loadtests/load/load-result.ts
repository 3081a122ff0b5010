// What a measured window amounts to, whichever client engine sent the load.
import type { Interval } from '../stats/interval.ts';
import type { ClientTally, LatencyMs, LatencySummary } from '../report/figures.ts';

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
  /** 2xx answers per second: batch means over the window; null when it cannot be had. */
  readonly requestsPerSecondCi95: Interval | null;
  /** How long the clients waited for their 503s (turned away); null when none came. */
  readonly turnedAwayLatencyMs: LatencySummary | null;
}
