// What a run measured, as the report's .json twin stores it: the report, its provenance and its
// rows. Renderers read only this and figures.ts; runners import these types, never the reverse.
import type {
  ClientTally,
  CpuSample,
  EventLoopFigures,
  LatencyMs,
  LatencySummary,
  Limit,
  MeasuredWindow,
  PoolFigures,
  ProcessCpu,
  ServedInWindow,
  Timeline,
  WorkKind,
} from './figures.ts';
import type { OverloadFigures } from './overload-model.ts';
import type { LoadEngine, ServerPlacement } from './placement-model.ts';
import type { Provenance } from './provenance-model.ts';

export type { Machine, Provenance } from './provenance-model.ts';

/** The server settings a run passes to every server it starts, by their flags' option names. */
export type VariantSettingName =
  | 'poolSize'
  | 'workers'
  | 'uvThreads'
  | 'iterations'
  | 'sliceIterations'
  | 'ioMs'
  | 'blockingIoMs';
export type VariantSettingValues = Readonly<Record<VariantSettingName, number>>;

/**
 * 3: one continuous loop per run: req/s intervals, the window rule and graceful end, the server's own count.
 * 4: each run has a `state`: 'measured', or 'failed' with its reason; a measured run that served
 * nothing (overload) has null latencies and fairness. 5: `overload` (goodput, turn-aways, retry, shedding).
 */
export const REPORT_FORMAT_VERSION = 5;

/** What the server process itself went through during the measured window. */
export interface ServerFigures {
  /** Most work units running at once: from /stats (counted by their threads), else start/end lines; null: neither. */
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
}

/** The bystander: GET /health at a fixed pace during the window. */
export interface HealthFigures {
  readonly intervalMs: number;
  readonly sent: number;
  readonly failed: number;
  readonly maxOutstanding: number;
  /** Sub-millisecond latencies of the answered probes; null when none was answered. */
  readonly latencyMs: LatencySummary | null;
}

/** CPU others used during the window, in % of one core: the noise guard. */
export interface Neighbours {
  readonly generatorCpuPercent: number | null;
  readonly foreignCpuPercent: number | null;
}

/** A server the runner did not start (--target): what it could and could not measure there. */
export interface TargetInfo {
  /** With its {client} token, if any. */
  readonly url: string;
  /** --target-pid; null when CPU and threads were not measured. */
  readonly pid: number | null;
  /** Whether the target answered GET /stats like this project's servers. */
  readonly hasStats: boolean;
  /** Whether the runner read the server's start/end lines (timestamped on arrival when they carry no time). */
  readonly logged: boolean;
  /** Who started it, when this run did (make fastapi's uvicorn); null: it was already running. */
  readonly startedBy: string | null;
  readonly placement: ServerPlacement;
}

/** A row that was measured: every figure below comes from its window. */
export interface VariantRun {
  readonly state: 'measured';
  readonly variant: string;
  /** 1-based; a variant measured --repeat times has one run per repetition. */
  readonly repetition: number;
  /** null where the variant has no pool. */
  readonly poolSize: number | null;
  /** The flag that sizes the variant and its value, or null when it has none. */
  readonly size: { readonly flag: string; readonly value: number } | null;
  readonly work: WorkKind;
  /** null when the CPU cost of a request could not be measured (a target without /stats or pid). */
  readonly limit: Limit | null;
  /** requestsPerSecond as a percentage of limit.requestsPerSecond; null without a limit. */
  readonly percentOfLimit: number | null;
  /** null for a server this run spawned. */
  readonly target: TargetInfo | null;
  /** true: a new connection per request (--new-connection); false: keep-alive. */
  readonly newConnection: boolean;
  readonly engine: LoadEngine;
  readonly connections: number;
  readonly durationSeconds: number;
  /** 2xx answers in the measured window. */
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** 95% interval of requestsPerSecond (batch means over the window); null when it cannot be had. */
  readonly requestsPerSecondCi95: readonly [number, number] | null;
  readonly window: MeasuredWindow;
  /** null when no request was answered with 2xx (an overloaded server may turn every one away). */
  readonly latencyMs: LatencyMs | null;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Answers by HTTP status ("200", "503"…), as autocannon counted them. */
  readonly statusCounts: Readonly<Record<string, number>>;
  /** Latency of the 2xx answers only, nearest-rank; null when none was served. */
  readonly servedLatencyMs: LatencySummary | null;
  readonly server: ServerFigures;
  readonly health: HealthFigures;
  readonly neighbours: Neighbours;
  readonly timeline: Timeline;
  readonly clients: readonly ClientTally[];
  /** Fewest served ÷ most served over the clients: 1 = every client got the same share; null when none was served. */
  readonly fairness: number | null;
  /** The first start/end lines the server logged in the window, in the original's form. */
  readonly logExcerpt: readonly string[];
  /** Requests each server process finished in the window, from its End lines. */
  readonly servedByProcess: readonly { readonly pid: number; readonly served: number }[];
  /** Rows of a scenario where turning away is measured (overload); else null. */
  readonly overload: OverloadFigures | null;
}

/** A row that could not be measured: its server did not start, answered nothing, or failed every request. */
export interface FailedRun {
  readonly state: 'failed';
  readonly variant: string;
  readonly repetition: number;
  readonly size: VariantRun['size'];
  readonly newConnection: boolean;
  /** The one line that says what failed. */
  readonly reason: string;
}

/** One row of a report, in the order measured: measured, or failed with its reason. */
export type ReportRow = VariantRun | FailedRun;

/** What each request carried and ran beyond the built-in work: the user's handler and the body. */
export interface Workload {
  /** --handler: the file as given (relative to where the run started) and its SHA-256 (hex); null = the built-in work. */
  readonly handler: { readonly path: string; readonly sha256: string } | null;
  /** --payload-bytes: every request POSTed a JSON body this long; 0 = GETs. */
  readonly payloadBytes: number;
  /** --transfer: how the pool variant handed each body to its worker. */
  readonly transfer: 'move' | 'clone';
}

/** How the scenario was run: the same for every row of one report. */
export interface ReportParameters {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly work: WorkKind;
  readonly settings: VariantSettingValues;
  readonly workload: Workload;
  readonly repeat: number;
  readonly probeIntervalMs: number;
  /** Pooled variants: requests that may wait; more get 503. */
  readonly maxQueue: number;
  /** Deadline per request. */
  readonly timeoutMs: number;
}

export interface Report extends Provenance {
  readonly formatVersion: typeof REPORT_FORMAT_VERSION;
  readonly scenario: string;
  readonly scenarioDescription: string;
  readonly parameters: ReportParameters;
  /** Facts about how some rows were measured, stated by whoever assembled the report. */
  readonly notes: readonly string[];
  /** The variant every ratio is taken against, measured in the same run. */
  readonly baseline: string;
  readonly runs: readonly ReportRow[];
}
