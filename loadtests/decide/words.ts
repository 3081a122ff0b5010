// A comparison in one line for the terminal and the report's notes: who, the ratio with its 95%
// interval, the outcome, and what an open one still needs. Pure.
import * as format from '../report/format.ts';
import type { Comparison } from '../stats/compare.ts';

export function comparisonLine(comparison: Comparison): string {
  const [low, high] = comparison.ratioCi95;
  const interval = Number.isFinite(high) && low > 0 ? ` [${low.toFixed(2)}–${high.toFixed(2)}]` : '';
  const outcome =
    comparison.outcome === 'equivalent'
      ? `equivalent (within ±${(comparison.margin * 100).toFixed(0)}%)`
      : comparison.outcome === 'inconclusive' && typeof comparison.moreRounds === 'number'
        ? `inconclusive (about ${format.plural(comparison.moreRounds, 'more run')} of each would decide)`
        : comparison.outcome;
  return `${comparison.b} served ${format.ratio(comparison.ratio)}${interval} ${format.possessive(comparison.a)} ${comparison.metric}: ${outcome}`;
}
