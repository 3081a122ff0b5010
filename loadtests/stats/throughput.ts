// The throughput of a closed loop from its cycles, not from clock slices (renewal–reward). A round
// (every client answered once more) is the loop's cycle: answers in completed rounds ÷ their time is
// the rate, and batch means over rounds give its interval (a ratio estimator, delta method). Below
// MIN_ROUNDS there is no interval, and the rate is each client's cycles over their span, summed:
// exact for a clockwork loop, but high by about one cycle per client when cycles vary (the cycles cut
// by the window's edges are the long ones), which the rounds' time does not suffer.
import type { CycleCounts } from './cycle-tally.ts';
import type { Interval } from './interval.ts';
import type { LogEstimate } from './log-estimate.ts';
import { ratioEstimate } from './ratio-estimate.ts';
import { tTwoSided } from './student-t.ts';

/** Rounds an interval needs: fewer give too few degrees of freedom to say anything. */
export const MIN_ROUNDS = 5;

export type Throughput =
  | {
      readonly state: 'estimated';
      readonly requestsPerSecond: number;
      readonly ci95: Interval;
      /** For compare(): units are rounds. */
      readonly estimate: LogEstimate;
      readonly rounds: number;
    }
  | {
      readonly state: 'too-few-rounds';
      readonly requestsPerSecond: number;
      readonly rounds: number;
      /** Rounds still needed before an interval can be had. */
      readonly moreRounds: number;
    };

/**
 * Σ over clients of cycles ÷ span: exact for a clockwork loop however few its cycles. A client with
 * fewer than two answers has no cycle yet: its answers over the whole window stand in.
 */
export function cycleRate(counts: CycleCounts, windowMs: number): number {
  let perMs = 0;
  for (const client of counts.clients) {
    const spanMs = client.lastMs - client.firstMs;
    perMs += client.count >= 2 && spanMs > 0 ? (client.count - 1) / spanMs : client.count / windowMs;
  }
  return perMs * 1000;
}

/** Answers per second over the completed rounds (after the first); null before any. */
export function roundRate(counts: CycleCounts): number | null {
  let answers = 0;
  let durationMs = 0;
  for (const batch of counts.batches) {
    answers += batch.answers;
    durationMs += batch.durationMs;
  }
  return durationMs > 0 ? (answers / durationMs) * 1000 : null;
}

/** The ratio estimator's relative standard error over the batches of rounds, and its degrees of freedom. */
export function roundRatioError(counts: CycleCounts): { relativeSe: number; df: number } | null {
  return ratioEstimate(counts.batches.map((batch) => ({ numerator: batch.answers, denominator: batch.durationMs })));
}

/**
 * Throughput of the window with its interval. `looks`: how many times a sequential rule may look
 * at it before it stops (the error is split over them, Bonferroni), 1 for a window of fixed length.
 */
export function throughputOf(counts: CycleCounts, windowMs: number, looks = 1): Throughput {
  const error = counts.rounds >= MIN_ROUNDS ? roundRatioError(counts) : null;
  const rounds = roundRate(counts);
  if (error === null || rounds === null) {
    const moreRounds = Math.max(1, MIN_ROUNDS - counts.rounds);
    return {
      state: 'too-few-rounds',
      requestsPerSecond: cycleRate(counts, windowMs),
      rounds: counts.rounds,
      moreRounds,
    };
  }
  const requestsPerSecond = rounds;
  const estimate = { value: requestsPerSecond, logSe: error.relativeSe, df: error.df, units: counts.rounds };
  const half = tTwoSided(1 - 0.05 / looks, error.df) * error.relativeSe;
  return {
    state: 'estimated',
    requestsPerSecond,
    ci95: [requestsPerSecond * Math.exp(-half), requestsPerSecond * Math.exp(half)],
    estimate,
    rounds: counts.rounds,
  };
}
