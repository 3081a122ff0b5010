// Two figures compared on the log scale with three outcomes: they differ (the 95% interval of the
// ratio excludes 1), they are equivalent (TOST: the 90% interval lies inside ±margin), or the data
// cannot say yet, with how many more rounds (or runs) each side would need for either answer.
import type { Interval } from './interval.ts';
import type { LogEstimate } from './log-estimate.ts';
import { tTwoSided } from './student-t.ts';

/** --equivalence-margin's default: ratios within ±5% count as the same. */
export const DEFAULT_EQUIVALENCE_MARGIN = 0.05;

export type Outcome = 'differs' | 'equivalent' | 'inconclusive';

export interface Comparison {
  readonly a: string;
  readonly b: string;
  /** What was compared: "req/s", "p50 latency", "/health p99"… */
  readonly metric: string;
  /** b ÷ a. */
  readonly ratio: number;
  readonly ratioCi95: Interval;
  readonly outcome: Outcome;
  /** The equivalence margin δ the outcome was decided with (0.05 = ±5%). */
  readonly margin: number;
  /** When inconclusive: about how many more rounds (or runs) each side needs for either answer; null when no count would do. */
  readonly moreRounds?: number | null;
}

export interface CompareOptions {
  readonly metric: string;
  readonly margin?: number;
  /**
   * How many times this comparison may be looked at before a run stops (sequential stopping): the
   * error is split evenly over the looks (Bonferroni), so looking after every round stays honest.
   */
  readonly looks?: number;
}

export interface Named {
  readonly label: string;
  readonly estimate: LogEstimate;
}

/** Welch–Satterthwaite degrees of freedom of a sum of two variances. */
export function welchDf(a: LogEstimate, b: LogEstimate): number {
  const va = a.logSe ** 2;
  const vb = b.logSe ** 2;
  const denominator = (Number.isFinite(a.df) ? va ** 2 / a.df : 0) + (Number.isFinite(b.df) ? vb ** 2 / b.df : 0);
  return denominator === 0 ? Number.POSITIVE_INFINITY : (va + vb) ** 2 / denominator;
}

export function compare(a: Named, b: Named, options: CompareOptions): Comparison {
  const margin = options.margin ?? DEFAULT_EQUIVALENCE_MARGIN;
  const looks = options.looks ?? 1;
  const d = Math.log(b.estimate.value) - Math.log(a.estimate.value);
  const se = Math.hypot(a.estimate.logSe, b.estimate.logSe);
  const df = welchDf(a.estimate, b.estimate);
  const tDiffer = tTwoSided(1 - 0.05 / looks, df);
  const tEquivalent = tTwoSided(1 - 0.1 / looks, df);
  const bound = Math.log(1 + margin);
  const report95 = tTwoSided(0.95, df) * se;
  const base = {
    a: a.label,
    b: b.label,
    metric: options.metric,
    ratio: Math.exp(d),
    ratioCi95: [Math.exp(d - report95), Math.exp(d + report95)] as const,
    margin,
  };
  // Equivalence first: a difference proven but smaller than the margin is, for a decision, no difference.
  if (Math.abs(d) + tEquivalent * se <= bound) return { ...base, outcome: 'equivalent' };
  if (Math.abs(d) > tDiffer * se) return { ...base, outcome: 'differs' };
  return { ...base, outcome: 'inconclusive', moreRounds: moreRounds(a, b, d, se, bound, tDiffer, tEquivalent) };
}

/**
 * Standard errors shrink as 1/√rounds: the rounds either answer would need at the present ratio,
 * the nearer of the two, less those already measured (the larger side's count).
 */
function moreRounds(a: Named, b: Named, d: number, se: number, bound: number, tDiffer: number, tEq: number) {
  const wanted = [Math.abs(d) / tDiffer, (bound - Math.abs(d)) / tEq].filter((target) => target > 0);
  if (wanted.length === 0 || se === 0) return null;
  const factor = (se / Math.max(...wanted)) ** 2;
  const units = Math.max(a.estimate.units, b.estimate.units);
  return Math.max(1, Math.ceil(units * factor - units));
}

/** "differs" / "equivalent" / "inconclusive" counts, for a run that repeats until every comparison is decided. */
export function allDecided(comparisons: readonly Comparison[]): boolean {
  return comparisons.every((comparison) => comparison.outcome !== 'inconclusive');
}
