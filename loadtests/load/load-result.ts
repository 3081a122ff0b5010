// What a closed loop is asked to do and what it measured, whichever client sends the load.
import type { ClientTally, LatencyMs, LatencySummary } from '../report/figures.ts';

/** autocannon's own default; the fresh-connection loop uses the same. */
export const REQUEST_TIMEOUT_SECONDS = 10;

export interface ClosedLoopOptions {
  /** "http://127.0.0.1:8000" */
  readonly origin: string;
  /** Path with a {client} token, or one the client id is appended to. */
  readonly pathTemplate: string;
  /** Every client asks for this path (e.g. /health) instead of its own, as `make bench` does. */
  readonly path?: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** One connection per request, closed after the answer (curl's way), instead of keep-alive. */
  readonly newConnection: boolean;
  /** Progress bar on stderr; off when stderr is not a terminal. */
  readonly showProgress: boolean;
}

/** What a closed loop measured, whichever client sent it. */
export interface LoadResult {
  readonly durationSeconds: number;
  readonly ok: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Of all answers (autocannon's histogram; 2xx only with --new-connection); null when none was 2xx. */
  readonly latencyMs: LatencyMs | null;
  /** Of the 2xx answers only: under overload, fast 503s would flatter the percentiles above. */
  readonly servedLatencyMs: LatencySummary | null;
  /** Answers by HTTP status ("200", "503"…). */
  readonly statusCounts: Readonly<Record<string, number>>;
}

export interface ClosedLoopResult {
  readonly result: LoadResult;
  readonly clients: readonly ClientTally[];
}
