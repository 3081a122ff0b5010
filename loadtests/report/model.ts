// What a run measured, as the report's .json twin stores it: the report, its provenance and its
// rows. Renderers read only this and figures.ts; runners import these types, never the reverse.
import type {
  ClientTally,
  LatencyMs,
  LatencyPercentiles,
  LatencySummary,
  Limit,
  MeasuredWindow,
  Timeline,
  WorkKind,
} from './figures.ts';
import type { OverloadFigures } from './overload-model.ts';
import type { Comparison } from '../stats/compare.ts';
import type { LogEstimate } from '../stats/log-estimate.ts';
import type { LoadEngine, ServerPlacement } from './placement-model.ts';
import type { Provenance } from './provenance-model.ts';
import type { HealthFigures, Neighbours, ServerFigures } from './server-model.ts';

export type { Machine, Provenance } from './provenance-model.ts';
export type { HealthFigures, Neighbours, ServerFigures } from './server-model.ts';

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
 * nothing (overload) has null latencies and fairness.
 * 5: req/s and its interval from rounds (window.rounds, moreRounds, looks); latency percentiles with
 * order-statistic intervals; /health p99 with probes censored at their timeout; `comparisons`;
 * `overload` (goodput, turn-aways, retry, shedding).
 */
export const REPORT_FORMAT_VERSION = 5;

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
  /** 95% interval of requestsPerSecond (batch means over rounds); null with fewer than MIN_ROUNDS rounds. */
  readonly requestsPerSecondCi95: readonly [number, number] | null;
  /** The same as a log estimate (units: rounds) for comparisons; null without an interval. */
  readonly requestsPerSecondEstimate: LogEstimate | null;
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
  readonly latencyPercentiles: LatencyPercentiles;
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
  /** --equivalence-margin as a share: ratios within ± this are "equivalent". */
  readonly equivalenceMargin: number;
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
  /** req/s, p50 and /health p99 of each row against the baseline's, with --equivalence-margin. */
  readonly comparisons: readonly Comparison[];
}
