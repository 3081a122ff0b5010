// Before the load: one request sent alone tells how long a request takes, and from that how long
// a client may wait for an answer and whether the window must grow until it holds enough answers.
import { getText } from '../load/http-get.ts';
import { REQUEST_TIMEOUT_SECONDS } from '../load/load-result.ts';
import { clientPath } from '../load/target-url.ts';
import type { WindowRule } from '../load/window-rule.ts';
import { MeasurementError } from '../observe/measurement-error.ts';
import type { Target } from '../process/target.ts';

/** A request longer than this (alone) gets an automatic window unless --duration set one. */
export const LONG_REQUEST_MS = 200;
/** An automatic window waits for this many answers per client... */
export const AUTO_MIN_ANSWERS_PER_CLIENT = 10;
/** ...and for a req/s interval within ± this share of req/s. */
export const AUTO_MAX_RELATIVE_HALF_WIDTH = 0.05;
/** A client waits this many times the longest queue it can be behind (every client ahead of it). */
const PATIENCE = 3;
/** The first request may be a cold one (JIT, imports): it is allowed this long. */
const FIRST_REQUEST_TIMEOUT_MS = 600_000;

/** When the window's length is chosen by its answers rather than by the clock. */
export type AutoDuration = 'always' | 'when-long' | 'never';

export interface DurationSettings {
  /** The fixed window, or the shortest an automatic one may be. */
  readonly durationSeconds: number;
  readonly autoDuration: AutoDuration;
  /** The longest an automatic window may be, and the most a window of rounds may grow to. */
  readonly maxDurationSeconds: number;
  /**
   * Rounds the window must hold at least (a round: every client answered once); absent: none. With
   * one-at-a-time requests of seconds, a window of the clock alone may not see every client answered.
   */
  readonly minRounds?: number;
}

export interface WindowPlan {
  readonly firstRequestMs: number;
  readonly requestTimeoutSeconds: number;
  /** One round: connections × firstRequestMs ÷ the requests that progress at once. */
  readonly roundSeconds: number;
  /** Rounds the window was asked to hold; null: none asked. */
  readonly minRounds: number | null;
  readonly window: WindowRule;
}

/** Requests timed alone before the load: the faster is the warm one (a pool's first starts its worker). */
const FIRST_REQUESTS = 2;

/** Times requests sent alone, each on a connection of its own (the faster counts); any status counts, no answer does not. */
export async function timeFirstRequest(
  target: Target,
  body: Uint8Array | null,
  count = FIRST_REQUESTS,
): Promise<number> {
  let fastestMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    try {
      await getText(`${target.origin}${clientPath(target.pathTemplate, 1)}`, {
        agent: false,
        timeoutMs: FIRST_REQUEST_TIMEOUT_MS,
        body,
      });
    } catch (error) {
      const exit = (await target.exitNews?.()) ?? null;
      const why = exit ?? (error instanceof Error ? error.message : String(error));
      throw new MeasurementError(`the ${target.name} server did not answer a first request sent alone: ${why}`);
    }
    fastestMs = Math.min(fastestMs, performance.now() - started);
  }
  return fastestMs;
}

/**
 * Seconds for every client to have had one answer: `connections` requests of `firstRequestMs`,
 * `parallelism` of them progressing at once (null: unknown, taken as 1, the longest round; never
 * more than the clients).
 */
export function roundSeconds(firstRequestMs: number, connections: number, parallelism: number | null): number {
  return (connections * firstRequestMs) / 1000 / Math.min(parallelism ?? 1, connections);
}

/**
 * The shortest the window may be: --duration, or minRounds rounds when longer, but never beyond
 * --max-duration for the rounds (the row then says it held fewer).
 */
function shortestSeconds(duration: DurationSettings, round: number): number {
  const rounds = duration.minRounds === undefined ? 0 : Math.ceil(duration.minRounds * round);
  return Math.max(duration.durationSeconds, Math.min(rounds, duration.maxDurationSeconds));
}

/** The plan from a first request's time: pure, so the rules can be tested on fixed numbers. */
export function planFor(
  firstRequestMs: number,
  connections: number,
  duration: DurationSettings,
  parallelism: number | null = null,
): WindowPlan {
  const queueSeconds = (connections * firstRequestMs) / 1000;
  const round = roundSeconds(firstRequestMs, connections, parallelism);
  const shortest = shortestSeconds(duration, round);
  const auto =
    duration.autoDuration === 'always' || (duration.autoDuration === 'when-long' && firstRequestMs > LONG_REQUEST_MS);
  return {
    firstRequestMs,
    requestTimeoutSeconds: Math.max(REQUEST_TIMEOUT_SECONDS, Math.ceil(PATIENCE * queueSeconds)),
    roundSeconds: round,
    minRounds: duration.minRounds ?? null,
    window: auto
      ? {
          kind: 'auto',
          minSeconds: shortest,
          maxSeconds: Math.max(shortest, duration.maxDurationSeconds),
          minAnswersPerClient: AUTO_MIN_ANSWERS_PER_CLIENT,
          maxRelativeHalfWidth: AUTO_MAX_RELATIVE_HALF_WIDTH,
        }
      : { kind: 'fixed', seconds: shortest },
  };
}

/** `body`: what every request of the run POSTs (--payload-bytes), null for GETs; `parallelism`: the Subject's. */
export async function planWindow(
  target: Target,
  connections: number,
  duration: DurationSettings,
  body: Uint8Array | null = null,
  parallelism: number | null = null,
) {
  return planFor(await timeFirstRequest(target, body), connections, duration, parallelism);
}
