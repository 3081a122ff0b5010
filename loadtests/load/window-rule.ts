// How long a measured window lasts: a fixed number of seconds, or (automatic) until every client
// has had enough answers and the req/s interval is narrow enough, bounded by a longest window.
import { setTimeout as sleep } from 'node:timers/promises';
import { rateInterval, relativeHalfWidth } from '../stats/interval.ts';

/** How often an automatic window checks whether it has enough answers. */
const AUTO_CHECK_MS = 250;

export type WindowRule =
  | { readonly kind: 'fixed'; readonly seconds: number }
  | {
      readonly kind: 'auto';
      readonly minSeconds: number;
      readonly maxSeconds: number;
      /** Every client must have had this many 2xx answers inside the window. */
      readonly minAnswersPerClient: number;
      /** ... and the req/s interval must be within ± this share of req/s (0.05 = ±5%). */
      readonly maxRelativeHalfWidth: number;
    };

export interface WindowAnswer {
  readonly clientId: number;
  /** When the answer arrived, epoch ms (fractional), on the same clock as the server's log. */
  readonly atMs: number;
  readonly status: number;
  readonly latencyMs: number;
}

/** A 2xx answer: what req/s, latencies and the automatic window count. */
export const isServed = (status: number): boolean => status >= 200 && status <= 299;

/** Epoch ms, fractional: the clock answers and the server's log lines are both stamped on. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** True once an automatic window has what it asks for. */
export function windowConverged(
  rule: Extract<WindowRule, { kind: 'auto' }>,
  served: readonly WindowAnswer[],
  connections: number,
  startMs: number,
  atMs: number,
): boolean {
  const perClient = new Array<number>(connections).fill(0);
  for (const answer of served) perClient[answer.clientId - 1] = (perClient[answer.clientId - 1] ?? 0) + 1;
  if (perClient.some((count) => count < rule.minAnswersPerClient)) return false;
  const rate = served.length / ((atMs - startMs) / 1000);
  const interval = rateInterval(
    served.map((answer) => answer.atMs),
    startMs,
    atMs,
  );
  return relativeHalfWidth(rate, interval) <= rule.maxRelativeHalfWidth;
}

/** Waits out the window: a fixed length, or until an automatic window has enough answers. */
export async function windowEnd(
  options: { readonly window: WindowRule; readonly connections: number },
  answers: readonly WindowAnswer[],
  startMs: number,
): Promise<'fixed' | 'converged' | 'max-duration'> {
  const rule = options.window;
  if (rule.kind === 'fixed') {
    // A timer may fire a millisecond early: the window lasts its seconds on the clock it is measured by.
    for (let leftMs = rule.seconds * 1000; leftMs > 0; leftMs = startMs + rule.seconds * 1000 - nowMs())
      await sleep(leftMs);
    return 'fixed';
  }
  await sleep(rule.minSeconds * 1000);
  for (;;) {
    const atMs = nowMs();
    const served = answers.filter((answer) => isServed(answer.status));
    if (windowConverged(rule, served, options.connections, startMs, atMs)) return 'converged';
    if (atMs - startMs >= rule.maxSeconds * 1000) return 'max-duration';
    await sleep(AUTO_CHECK_MS);
  }
}
