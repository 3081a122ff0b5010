// What a run measured, as the report's .json twin stores it. Renderers read only this.
import type { ClientTally, ServedLatency } from '../closed-loop.ts';
import type { HealthCount } from '../health-count.ts';

export const REPORT_FORMAT_VERSION = 1;

export interface LatencyMs {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** What the server process itself went through during the measured window. */
export interface ServerFigures {
  /** The most work units that ran at the same instant (counted by the threads that ran them). */
  readonly maxInFlight: number;
  /** The most requests inside the handler at once, queued or running. */
  readonly maxInHandler: number;
  /** 100 = one core. null where /proc could not be read. */
  readonly cpuPercent: number | null;
  readonly threads: number | null;
  /** Threads that used at least BUSY_THREAD_MIN_PERCENT of a core over the window. */
  readonly busyThreads: number | null;
  readonly residentBytes: number | null;
}

export interface VariantRun {
  readonly variant: string;
  /** null where the variant has no pool. */
  readonly poolSize: number | null;
  readonly connections: number;
  readonly durationSeconds: number;
  /** 2xx answers in the measured window. */
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: LatencyMs;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Answers by HTTP status ("200", "503"…), as autocannon counted them. */
  readonly statusCounts: Readonly<Record<string, number>>;
  /** Latency of the 2xx answers only, nearest-rank; null when none was served. */
  readonly servedLatencyMs: ServedLatency | null;
  /** GET /health probes sent alongside the load, where the scenario asks for them; else null. */
  readonly health: HealthCount | null;
  readonly server: ServerFigures;
  readonly clients: readonly ClientTally[];
  /** Fewest served ÷ most served over the clients: 1 = every client got the same share. */
  readonly fairness: number;
  /** The first start/end lines the server logged in the window, in the original's form. */
  readonly logExcerpt: readonly string[];
}

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
}

export interface Report {
  readonly formatVersion: typeof REPORT_FORMAT_VERSION;
  readonly scenario: string;
  readonly scenarioDescription: string;
  readonly command: string;
  readonly dateUtc: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly packages: Readonly<Record<string, string>>;
  readonly parameters: {
    readonly connections: number;
    readonly durationSeconds: number;
    readonly warmupSeconds: number;
    readonly iterations: number;
    readonly poolSize: number;
    /** Pooled variants: requests that may wait; more get 503. */
    readonly maxQueue: number;
    /** Deadline per request. */
    readonly timeoutMs: number;
  };
  /** The variant every ratio is taken against, measured in the same run. */
  readonly baseline: string;
  readonly runs: readonly VariantRun[];
}
