// Two rates, each with its 95% interval, compared as a ratio with an interval and one of three
// outcomes, in the shape of loadtests/stats/compare.ts (landing separately) so that one can replace
// this. The ratio's interval divides the intervals' ends: conservative, and needs no raw samples.
import { type Interval, overlaps } from './interval.ts';

/** Two rates whose ratio's interval lies within ±5% of 1 are called equivalent. */
export const EQUIVALENCE_MARGIN = 0.05;

export type Outcome = 'differs' | 'equivalent' | 'inconclusive';

export interface RatedRow {
  readonly name: string;
  readonly value: number;
  readonly ci95: Interval | null;
}

export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly metric: string;
  /** a ÷ b. */
  readonly ratio: number;
  readonly ratioCi95: Interval | null;
  readonly outcome: Outcome;
}

export function compareRates(a: RatedRow, b: RatedRow, metric: string): Comparison {
  const ratio = a.value / b.value;
  if (a.ci95 === null || b.ci95 === null || b.ci95[0] <= 0)
    return { a: a.name, b: b.name, metric, ratio, ratioCi95: null, outcome: 'inconclusive' };
  const ratioCi95: Interval = [a.ci95[0] / b.ci95[1], a.ci95[1] / b.ci95[0]];
  const outcome: Outcome = !overlaps(a.ci95, b.ci95)
    ? 'differs'
    : ratioCi95[0] >= 1 - EQUIVALENCE_MARGIN && ratioCi95[1] <= 1 + EQUIVALENCE_MARGIN
      ? 'equivalent'
      : 'inconclusive';
  return { a: a.name, b: b.name, metric, ratio, ratioCi95, outcome };
}
