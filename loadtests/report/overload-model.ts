// What an overload row stores beyond the common figures: how its clients asked again after being
// turned away, whether the server paced its rejections, and the goodput those left. Part of the
// report's JSON schema (model.ts points here); runners import it, renderers read it.
import type { LatencySummary } from './figures.ts';

/** How a turned-away client asks again: at once (a retry storm), or after Retry-After (jittered backoff without one). */
export type RetryMode = 'at-once' | 'retry-after';
export const RETRY_MODES: readonly RetryMode[] = ['at-once', 'retry-after'];

/** Whether a variant that can shed load (pool) paced its rejections in a row: the server's own setting. */
export type SheddingMode = 'on' | 'off';
export const SHEDDING_MODES: readonly SheddingMode[] = ['on', 'off'];

/** The server's own count of what it turned away in the window, from /stats. */
export interface TurnedAwayByServer {
  /** Requests turned away for a full queue (503), held or not. */
  readonly turnedAway: number;
  /** Of those, held before their 503 (paced); the rest were answered at once. */
  readonly held: number;
  /** The most held at the same instant: never above the server's bound. */
  readonly mostHeld: number;
}

export interface OverloadFigures {
  readonly retry: RetryMode;
  /** The pacing the server applied: how long it held a turned-away request and how many at most; null: none. */
  readonly shedding: { readonly holdMs: number; readonly maxHeld: number } | null;
  /** 503 and 504 answers per second of the window, as the clients counted them. */
  readonly turnedAwayPerSecond: number;
  readonly cutOffPerSecond: number;
  /** How long the clients waited for their 503s; null when none came. */
  readonly turnedAwayLatencyMs: LatencySummary | null;
  /** null when the server does not count them (no /stats, or a variant that does not shed). */
  readonly server: TurnedAwayByServer | null;
  /** The server's event-loop thread over the window: % of one core, from its own /proc clock; null off Linux. */
  readonly eventLoopCpuPercent: number | null;
  /** That CPU over the requests served in the window: the loop's cost of each served answer, turn-aways included. */
  readonly eventLoopCpuMsPerServed: number | null;
}
