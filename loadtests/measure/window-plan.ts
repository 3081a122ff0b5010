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
  /** The longest an automatic window may be. */
  readonly maxDurationSeconds: number;
}

export interface WindowPlan {
  readonly firstRequestMs: number;
  readonly requestTimeoutSeconds: number;
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

/** The plan from a first request's time: pure, so the rules can be tested on fixed numbers. */
export function planFor(firstRequestMs: number, connections: number, duration: DurationSettings): WindowPlan {
  const queueSeconds = (connections * firstRequestMs) / 1000;
  const auto =
    duration.autoDuration === 'always' || (duration.autoDuration === 'when-long' && firstRequestMs > LONG_REQUEST_MS);
  return {
    firstRequestMs,
    requestTimeoutSeconds: Math.max(REQUEST_TIMEOUT_SECONDS, Math.ceil(PATIENCE * queueSeconds)),
    window: auto
      ? {
          kind: 'auto',
          minSeconds: duration.durationSeconds,
          maxSeconds: Math.max(duration.durationSeconds, duration.maxDurationSeconds),
          minAnswersPerClient: AUTO_MIN_ANSWERS_PER_CLIENT,
          maxRelativeHalfWidth: AUTO_MAX_RELATIVE_HALF_WIDTH,
        }
      : { kind: 'fixed', seconds: duration.durationSeconds },
  };
}

/** `body`: what every request of the run POSTs (--payload-bytes), null for GETs. */
export async function planWindow(
  target: Target,
  connections: number,
  duration: DurationSettings,
  body: Uint8Array | null = null,
) {
  return planFor(await timeFirstRequest(target, body), connections, duration);
}
