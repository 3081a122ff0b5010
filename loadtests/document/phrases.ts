// The document's shared wording of comparisons and bars: the larger first ("inline served 2.90×
// pool's req/s", never "pool 0.34× inline"), the outcome named, and text bars for the terminal.
import * as format from '../report/format.ts';
import type { Comparison } from '../stats/compare.ts';

const interval = ([low, high]: readonly [number, number]): string => `[${low.toFixed(2)}–${high.toFixed(2)}]`;

/** "pool served 1.85× [1.79–1.92] inline's req/s: differs", the larger of the two first (compare.ts: ratio b ÷ a). */
export function comparisonSentence(comparison: Comparison, verb = 'served'): string {
  const bLarger = comparison.ratio >= 1;
  const [more, less] = bLarger ? [comparison.b, comparison.a] : [comparison.a, comparison.b];
  const ratio = bLarger ? comparison.ratio : 1 / comparison.ratio;
  const [low, high] = comparison.ratioCi95;
  const bracket = interval(bLarger ? [low, high] : [1 / high, 1 / low]);
  const more_ = comparison.moreRounds;
  const outcome =
    comparison.outcome === 'differs'
      ? 'differs'
      : comparison.outcome === 'equivalent'
        ? `equivalent within ${comparison.margin * 100}%`
        : `inconclusive${more_ === undefined || more_ === null ? '' : `: needs ~${format.plural(more_, 'more round')}`}`;
  return `${more} ${verb} ${format.ratio(ratio)} ${bracket} ${format.possessive(less)} ${comparison.metric}: ${outcome}`;
}

const BAR_WIDTH = 30;

export interface TextBar {
  readonly label: string;
  /** null: nothing measured, no bar. */
  readonly value: number | null;
  /** What is written after the bar: the value with its unit and interval. */
  readonly shown: string;
}

/** One line per bar, scaled to the largest: reads in any terminal and any markdown viewer. */
export function textBars(bars: readonly TextBar[]): string[] {
  const top = Math.max(...bars.map((bar) => bar.value ?? 0));
  const width = Math.max(...bars.map((bar) => bar.label.length));
  return bars.map((bar) => {
    const length = bar.value === null || top <= 0 ? 0 : Math.round((bar.value / top) * BAR_WIDTH);
    return `${bar.label.padEnd(width)} ${'█'.repeat(length).padEnd(BAR_WIDTH)} ${bar.shown}`;
  });
}
