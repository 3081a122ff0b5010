// The figures inside one measured run, as the report's .json twin stores them. Runners fill
// them in and import these types from here; the report imports nothing from the runners.
import type { PercentileEstimate } from '../stats/order-statistics.ts';

export type { PercentileEstimate };

/** What one request did on the server, as the server's --work says: spin the CPU, wait, or work on its body. */
export type WorkKind = 'cpu' | 'io' | 'json' | 'sha256' | 'gzip';

/** autocannon's latency columns (whole milliseconds), or ours for the fresh-connection loop. */
export interface LatencyMs {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Samples we record ourselves, summarised nearest-rank (percentile.ts). */
export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The physical limit of a run: the most requests per second the machine could serve with the model's concurrency. */
export interface Limit {
  readonly requestsPerSecond: number;
  /** Requests that can progress at the same instant: the smallest of the bounds in `basis`. */
  readonly concurrency: number;
  /** CPU milliseconds one request cost, calibrated in this run; null for io work. */
  readonly cpuMsPerRequest: number | null;
  /** How the limit was obtained, in numbers. */
  readonly basis: string;
  /** The single requests the CPU cost was the median of, and their spread; null for io work. */
  readonly calibration: { readonly requests: number; readonly minMs: number; readonly maxMs: number } | null;
}

/** How a measured window was set, how it ended, and what its graceful end waited for. */
export interface MeasuredWindow {
  /** fixed: --duration seconds; auto: until enough answers (--duration auto, or long requests). */
  readonly rule: 'fixed' | 'auto';
  readonly end: 'fixed' | 'converged' | 'max-duration';
  /**
   * Looks at its interval the window's rule could take: its req/s interval is at 1 − 5%/looks
   * (Bonferroni), so stopping at a narrow one stays honest. 1 for a fixed window.
   */
  readonly looks: number;
  /** Looks an automatic window took before it stopped; 0 for a fixed window. */
  readonly looked: number;
  /** Rounds (every client answered once more) the window held after the first, which only aligns them. */
  readonly rounds: number;
  /** Rounds it still needed for an interval of req/s (MIN_ROUNDS); 0 when it has one. */
  readonly moreRounds: number;
  /** The faster of two requests sent alone before the load: what the timeout and the rule were chosen from. */
  readonly firstRequestMs: number;
  readonly requestTimeoutSeconds: number;
  /** One round, every client answered once: connections × firstRequestMs ÷ requests at once. */
  readonly roundSeconds: number;
  /** Rounds the window was asked to hold (--min-rounds); null: none asked. */
  readonly minRounds: number | null;
  /** Answers during the warm-up, by the same clients, not counted. */
  readonly warmupAnswers: number;
  /** How long the warm-up lasted: its seconds, or longer until its answers came (or its bound). */
  readonly warmupSeconds: number;
  readonly warmupEnd: 'answered' | 'bounded';
  readonly gracefulEnd: GracefulEnd;
}

/** What the end of a window waited for: the requests its clients had out when it closed. */
export interface GracefulEnd {
  /** Requests sent before the window closed and not yet answered then. */
  readonly outstanding: number;
  /** Of those, answered within the grace time (not counted). */
  readonly answered: number;
  /** Of those, still unanswered when the grace time ran out. */
  readonly dropped: number;
  readonly graceSeconds: number;
}

/** What the server itself counted as served inside the window: its End lines, else its /stats. */
export interface ServedInWindow {
  readonly count: number;
  readonly source: 'log' | 'stats';
}

/** Nearest-rank percentiles of the 2xx latencies, each with its order-statistic 95% interval or bound. */
export interface LatencyPercentiles {
  readonly p50: PercentileEstimate | null;
  readonly p99: PercentileEstimate | null;
}

/** One closed-loop client (connection) over the window. */
export interface ClientTally {
  readonly clientId: number;
  /** 2xx answers. */
  readonly served: number;
  /** null when the client was never served. */
  readonly meanLatencyMs: number | null;
}

/** One process of a server's tree over a window. */
export interface ProcessCpu {
  readonly pid: number;
  /** 100 = one core busy for the whole window. */
  readonly cpuPercent: number;
}

/** The server's CPU over one sampling interval of the window (the top -H view over time). */
export interface CpuSample {
  /** Seconds since the window opened, at the end of the interval. */
  readonly atSeconds: number;
  readonly cpuPercent: number;
  readonly threads: number;
  readonly busyThreads: number;
  readonly residentBytes: number;
}

/** The event loop of the process that answered /stats, as its /stats said. */
export interface EventLoopFigures {
  /** null when the loop never got to sample: it was blocked the whole time. */
  readonly delayP50Ms: number | null;
  readonly delayP99Ms: number | null;
  readonly delayMaxMs: number | null;
  /** 0..1: share of the window that the loop was busy. */
  readonly utilization: number;
}

/** Time tasks waited for a pool thread and ran in one, as the server's /stats said. */
export interface PoolFigures {
  readonly completed: number;
  readonly waitMs: { readonly mean: number; readonly p50: number; readonly p99: number };
  readonly runMs: { readonly mean: number; readonly p50: number; readonly p99: number };
  /** 0..1: busy worker time over the time all threads could have worked. */
  readonly utilization: number;
}

/** The thread of a line that did not say which (the original's bare print). */
export const UNKNOWN_THREAD = '?';

/** One request as the server logged it: ms since the window opened. */
export interface TimelineBar {
  readonly clientId: number;
  /** "pid/threadId" of the thread that logged its start; "?" when its line did not say. */
  readonly thread: string;
  readonly startMs: number;
  /** null when it had not ended when the timeline's span closed. */
  readonly endMs: number | null;
}

export interface Timeline {
  /** The first spanMs of the measured window. */
  readonly spanMs: number;
  readonly bars: readonly TimelineBar[];
}
