// Comparisons of replicates (independent runs of one row): one log estimate per side from its runs,
// compared with three outcomes. Fewer than two runs on a side decide nothing yet: inconclusive, with
// the runs still missing. A side whose values are lower bounds (censored) can decide only one way.
import { type CompareOptions, type Comparison, compare, DEFAULT_EQUIVALENCE_MARGIN } from '../stats/compare.ts';
import { fromReplicates } from '../stats/log-estimate.ts';
import { MIN_REPLICATES } from './stopping.ts';

export interface Replicates {
  readonly label: string;
  /** One value per run, each > 0. */
  readonly values: readonly number[];
  /** Whether any value is only a lower bound (a probe that never answered: at least its timeout). */
  readonly censored?: boolean;
}

/** A comparison, and which sides held censored values (their figures are lower bounds). */
export type ReplicateComparison = Comparison & { readonly censored: readonly string[] };

/** A question no run answered (a side never measured, or never steady): open, and more of the same runs will not decide it. */
export function undecidable(a: string, b: string, metric: string): ReplicateComparison {
  return {
    a,
    b,
    metric,
    ratio: Number.NaN,
    ratioCi95: [0, Number.POSITIVE_INFINITY],
    outcome: 'inconclusive',
    margin: DEFAULT_EQUIVALENCE_MARGIN,
    moreRounds: null,
    censored: [],
  };
}

const geometricMean = (values: readonly number[]): number =>
  Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);

/** b ÷ a from the runs of each; `censored` sides can only have been larger than measured. */
export function compareReplicates(a: Replicates, b: Replicates, options: CompareOptions): ReplicateComparison {
  const censored = [a, b].filter((side) => side.censored === true).map((side) => side.label);
  const ea = fromReplicates(a.values);
  const eb = fromReplicates(b.values);
  if (ea === null || eb === null) {
    const fewest = Math.min(a.values.length, b.values.length);
    const ratio = a.values.length > 0 && b.values.length > 0 ? geometricMean(b.values) / geometricMean(a.values) : 1;
    return {
      a: a.label,
      b: b.label,
      metric: options.metric,
      ratio,
      ratioCi95: [0, Number.POSITIVE_INFINITY],
      outcome: 'inconclusive',
      margin: options.margin ?? DEFAULT_EQUIVALENCE_MARGIN,
      moreRounds: fewest < MIN_REPLICATES ? MIN_REPLICATES - fewest : null,
      censored,
    };
  }
  const comparison = compare({ label: a.label, estimate: ea }, { label: b.label, estimate: eb }, options);
  return { ...keepIfCensoringAgrees(comparison, a, b), censored };
}

/**
 * A censored side's true figure is at least what was recorded. A "differs" where that side came out
 * the larger only grows with the truth, so it stands; any other outcome could be the censoring's doing.
 */
function keepIfCensoringAgrees(comparison: Comparison, a: Replicates, b: Replicates): Comparison {
  const aCensored = a.censored === true;
  const bCensored = b.censored === true;
  if (!aCensored && !bCensored) return comparison;
  const larger = comparison.ratio > 1 ? 'b' : 'a';
  const stands = comparison.outcome === 'differs' && aCensored !== bCensored && (larger === 'b') === bCensored;
  if (stands) return comparison;
  const { moreRounds: _dropped, ...rest } = comparison;
  // No count of runs can say how far beyond its timeout a probe would have waited.
  return { ...rest, outcome: 'inconclusive', moreRounds: null };
}
