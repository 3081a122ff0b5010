// What the server, the /health bystander and the rest of the machine went through in a row's window,
// as the report's .json twin stores it (a part of model.ts, kept apart for its size).
import type {
  CpuSample,
  EventLoopFigures,
  LatencySummary,
  PercentileEstimate,
  PoolFigures,
  ProcessCpu,
  ServedInWindow,
} from './figures.ts';

/** What the server process itself went through during the measured window. */
export interface ServerFigures {
  /**
   * The most work units that ran at the same instant: from /stats (counted by the threads that
   * ran them), else from the server's start/end lines; null when it had neither.
   */
  readonly maxInFlight: number | null;
  /** The most requests inside the handler at once, queued or running; null without /stats. */
  readonly maxInHandler: number | null;
  /** 100 = one core. null where /proc could not be read. */
  readonly cpuPercent: number | null;
  readonly threads: number | null;
  /** Threads that used at least BUSY_THREAD_MIN_PERCENT of a core over the window. */
  readonly busyThreads: number | null;
  readonly residentBytes: number | null;
  /** Of the process that answered /stats (for cluster: one worker), over the window; null without /stats. */
  readonly eventLoop: EventLoopFigures | null;
  /** Queue and run times in the thread pool, for pooled variants; else null. */
  readonly pool: PoolFigures | null;
  /** CPU of each process of the server's tree over the window, busiest first; empty when not measured. */
  readonly cpuByProcess: readonly ProcessCpu[];
  /** Every SAMPLE_INTERVAL_MS of the window. */
  readonly cpuSamples: readonly CpuSample[];
  /** The server's own count of requests served inside the window, to check the clients' against. */
  readonly servedInWindow: ServedInWindow | null;
  /** Server CPU in the window over the requests served in it: the calibration, checked under load. */
  readonly cpuMsPerServedRequest: number | null;
  /** Its 95% interval, from stretches of the window (CPU samples, answers per 100 ms); null when too few. */
  readonly cpuMsPerServedRequestCi95: readonly [number, number] | null;
}

/** The bystander: GET /health at a fixed pace during the window. */
export interface HealthFigures {
  readonly intervalMs: number;
  readonly sent: number;
  readonly failed: number;
  readonly maxOutstanding: number;
  /** Sub-millisecond latencies of the answered probes; null when none was answered. */
  readonly latencyMs: LatencySummary | null;
  /** Probes never answered, counted as taking at least their timeout (censored), not dropped. */
  readonly censored: number;
  /** p99 of every probe, the censored ones included; null when none was sent. */
  readonly p99: PercentileEstimate | null;
}

/** CPU others used during the window, in % of one core: the noise guard. */
export interface Neighbours {
  readonly generatorCpuPercent: number | null;
  readonly foreignCpuPercent: number | null;
}
