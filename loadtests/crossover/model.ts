// What `make crossover` measured, as its .json twin stores it. Renderers read only this; the
// runner fills it. One flat list of windows: a (variant, work, body size) each.
import type { Provenance } from '../report/model.ts';

/** 2: several runs per point (`run`), decisions by comparison, the crossover as a bracket. */
export const CROSSOVER_FORMAT_VERSION = 2;

export const CROSSOVER_VARIANTS = ['inline', 'pool'] as const;
export type CrossoverVariant = (typeof CROSSOVER_VARIANTS)[number];

/** What each request ran: the loop sized to a CPU time, or the user's --handler. */
export type CrossoverWork =
  | { readonly kind: 'loop'; readonly cpuMicrosPerRequest: number; readonly iterations: number }
  | { readonly kind: 'handler' };

interface WindowKey {
  readonly variant: CrossoverVariant;
  readonly work: CrossoverWork;
  readonly payloadBytes: number;
}

export interface MeasuredWindow extends WindowKey {
  readonly state: 'measured';
  /** 1-based: the point's runs of this variant, interleaved with the other's A B B A. */
  readonly run: number;
  /** 2xx answers inside the window, as the clients counted them. */
  readonly requests: number;
  /** The server's own count of requests it served in the window (/stats), to check the clients' against. */
  readonly servedByServer: number | null;
  readonly requestsPerSecond: number;
  /** 95% interval of requestsPerSecond (batch means); null when it cannot be had. */
  readonly requestsPerSecondCi95: readonly [number, number] | null;
  readonly latencyP99Ms: number | null;
  /** The bystander GET /health's p99 during the window; null when no probe was answered. */
  readonly healthP99Ms: number | null;
  /** Server CPU of the fastest single request sent alone after the window (HTTP, body and work), µs. */
  readonly serverCpuMicrosPerRequest: number | null;
  /** Errors, timeouts and non-2xx answers inside the window (a handler that throws gives 500s). */
  readonly failedRequests: number;
}

export interface FailedWindow extends WindowKey {
  readonly state: 'failed';
  readonly reason: string;
}

export type CrossoverWindow = MeasuredWindow | FailedWindow;

export interface CrossoverParameters {
  readonly cpuMicros: readonly number[];
  readonly payloads: readonly number[];
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  /** The run's time bound: past it, points stop at the blocks the first look needs. */
  readonly maxDurationSeconds: number;
  readonly clients: number;
  readonly poolSize: number;
  /** Increments of the loop per µs of CPU, calibrated in the runner before any server started. */
  readonly iterationsPerMicrosecond: number;
  readonly transfer: 'move' | 'clone';
  /** --handler as given and its SHA-256; null: the loop only. */
  readonly handler: { readonly path: string; readonly sha256: string } | null;
}

/**
 * Per body size, where the pool starts to pay, as a bracket: from above inlineNotBehindMicros up to
 * cpuMicrosPerRequest (analysis.ts crossoverOf).
 */
export interface Crossover {
  readonly payloadBytes: number;
  /** The smallest point pool was decided ahead at and stayed so above; null: not found among the points measured. */
  readonly cpuMicrosPerRequest: number | null;
  /** The largest point below it where inline was decided ahead or equivalent; null: none (the line may lie lower). */
  readonly inlineNotBehindMicros: number | null;
}

/** Per body size and bound: the smallest loop CPU time at which inline's /health p99 passed it. */
export interface HealthThreshold {
  readonly payloadBytes: number;
  readonly thresholdMs: number;
  readonly cpuMicrosPerRequest: number | null;
}

/** Where the user's handler falls, per body size. */
export interface HandlerPlacement {
  readonly payloadBytes: number;
  /** The handler's own CPU per request: its server CPU less the HTTP and body cost of the lowest loop point. */
  readonly cpuMicrosPerRequest: number | null;
  /** pool ÷ inline req/s of the handler itself; null when either was not measured. */
  readonly poolOverInline: number | null;
  /** Decided by comparing their runs: 'pool' or 'inline' served more, 'equivalent' within the margin, or 'undecided'. */
  readonly apart: 'pool' | 'inline' | 'equivalent' | 'undecided';
}

export interface CrossoverReport extends Provenance {
  readonly formatVersion: typeof CROSSOVER_FORMAT_VERSION;
  readonly parameters: CrossoverParameters;
  readonly windows: readonly CrossoverWindow[];
  readonly crossovers: readonly Crossover[];
  readonly healthThresholds: readonly HealthThreshold[];
  /** null without --handler. */
  readonly handler: readonly HandlerPlacement[] | null;
}
