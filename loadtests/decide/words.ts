// A comparison in words, one way everywhere: the ratio's 95% interval, the outcome, and what an
// open one still needs; comparisonLine puts them in one line for the terminal. Pure.
import * as format from '../report/format.ts';
import type { Comparison } from '../stats/compare.ts';

/** " [0.70–0.85×]", or nothing when the interval is unbounded (a side with no spread yet). */
export function ratioInterval(comparison: Comparison): string {
  const [low, high] = comparison.ratioCi95;
  return Number.isFinite(high) && low > 0 ? ` [${format.ratio(low).replace('×', '')}–${format.ratio(high)}]` : '';
}

/** "differs", "equivalent (within ±5%)", "inconclusive". */
export function outcomeWords(comparison: Comparison): string {
  return comparison.outcome === 'equivalent'
    ? `equivalent (within ±${(comparison.margin * 100).toFixed(0)}%)`
    : comparison.outcome;
}

/** "; about 4 more runs of each would decide", or nothing when no count is known. */
export function moreRunsWords(comparison: Comparison): string {
  return typeof comparison.moreRounds === 'number'
    ? `; about ${format.plural(comparison.moreRounds, 'more run')} of each would decide`
    : '';
}

/** "pool served 1.85× [1.80–1.90×] inline's req/s: differs". */
export function comparisonLine(comparison: Comparison): string {
  const open = comparison.outcome === 'inconclusive' ? moreRunsWords(comparison) : '';
  return `${comparison.b} served ${format.ratio(comparison.ratio)}${ratioInterval(comparison)} ${format.possessive(comparison.a)} ${comparison.metric}: ${outcomeWords(comparison)}${open}`;
}
