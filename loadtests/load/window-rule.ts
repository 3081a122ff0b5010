// How long a measured window lasts: a fixed number of seconds, or (automatic) until every client
// has had enough answers and the req/s interval is narrow enough, bounded by a longest window. The
// automatic window looks at its interval at most AUTO_LOOKS times, spaced geometrically from its
// shortest to its longest length, and each look spends 1/AUTO_LOOKS of the error (Bonferroni), so
// stopping at the first narrow interval does not make the interval it reports too narrow.
import { setTimeout as sleep } from 'node:timers/promises';
import { relativeHalfWidth } from '../stats/interval.ts';
import { throughputOf } from '../stats/throughput.ts';
import type { WindowCounter } from './window-counter.ts';

/** Looks an automatic window may take at its interval: each spends 1/AUTO_LOOKS of the 5% error. */
export const AUTO_LOOKS = 20;

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

/** Why the window ended when it did, and how many looks at its interval it took. */
export interface WindowEnd {
  readonly end: 'fixed' | 'converged' | 'max-duration';
  /** The looks its interval is corrected for: 1 for a fixed window, AUTO_LOOKS for an automatic one. */
  readonly looks: number;
  /** Looks an automatic window took before it stopped; 0 for a fixed window. */
  readonly looked: number;
}

/** Epoch ms, fractional: the clock answers and the server's log lines are both stamped on. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** The seconds into the window of look k (0-based) of an automatic window: geometric from min to max. */
export function lookSeconds(rule: Extract<WindowRule, { kind: 'auto' }>, k: number): number {
  const min = Math.max(rule.minSeconds, 1);
  if (rule.maxSeconds <= min) return rule.maxSeconds;
  return Math.min(rule.maxSeconds, min * (rule.maxSeconds / min) ** (k / (AUTO_LOOKS - 1)));
}

/** True once an automatic window has what it asks for, at the error its looks leave each one. */
export function windowConverged(rule: Extract<WindowRule, { kind: 'auto' }>, counter: WindowCounter, atMs: number) {
  if (counter.tally.fewestPerClient < rule.minAnswersPerClient) return false;
  const throughput = throughputOf(counter.tally.counts(), atMs - counter.startMs, AUTO_LOOKS);
  if (throughput.state !== 'estimated') return false;
  return relativeHalfWidth(throughput.requestsPerSecond, throughput.ci95) <= rule.maxRelativeHalfWidth;
}

/** Waits out the window: a fixed length, or until an automatic window has enough answers. */
export async function windowEnd(rule: WindowRule, counter: WindowCounter): Promise<WindowEnd> {
  const startMs = counter.startMs;
  if (rule.kind === 'fixed') {
    // A timer may fire a millisecond early: the window lasts its seconds on the clock it is measured by.
    for (let leftMs = rule.seconds * 1000; leftMs > 0; leftMs = startMs + rule.seconds * 1000 - nowMs())
      await sleep(leftMs);
    return { end: 'fixed', looks: 1, looked: 0 };
  }
  for (let k = 0; k < AUTO_LOOKS; k++) {
    const dueMs = startMs + lookSeconds(rule, k) * 1000;
    for (let leftMs = dueMs - nowMs(); leftMs > 0; leftMs = dueMs - nowMs()) await sleep(leftMs);
    if (windowConverged(rule, counter, nowMs())) return { end: 'converged', looks: AUTO_LOOKS, looked: k + 1 };
  }
  return { end: 'max-duration', looks: AUTO_LOOKS, looked: AUTO_LOOKS };
}
