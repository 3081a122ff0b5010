// What `make crossover` measured, as its .json twin stores it. Renderers read only this; the
// runner fills it. One flat list of windows: a (variant, work, body size) each.
import type { Provenance } from '../report/model.ts';

export const CROSSOVER_FORMAT_VERSION = 1;

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
  readonly clients: number;
  readonly poolSize: number;
  /** Increments of the loop per µs of CPU, calibrated in the runner before any server started. */
  readonly iterationsPerMicrosecond: number;
  readonly transfer: 'move' | 'clone';
  /** --handler as given and its SHA-256; null: the loop only. */
  readonly handler: { readonly path: string; readonly sha256: string } | null;
}

/** Per body size: the smallest loop CPU time at which pool served more than inline beyond their intervals. */
export interface Crossover {
  readonly payloadBytes: number;
  /** null: not found among the points measured. */
  readonly cpuMicrosPerRequest: number | null;
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
  /** Whether their intervals were apart: 'pool' or 'inline' served more beyond them, or neither. */
  readonly apart: 'pool' | 'inline' | 'overlap';
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
