// The document's shared wording of comparisons and bars: the larger first ("inline served 2.90×
// pool's req/s", never "pool 0.34× inline"), the outcome named, and text bars for the terminal.
import * as format from '../report/format.ts';
import type { Comparison } from '../stats/compare.ts';

const interval = ([low, high]: readonly [number, number]): string => `[${low.toFixed(2)}–${high.toFixed(2)}]`;

/** What an open comparison still needs, counted in rounds (one window) or runs (replicates). */
export type MoreUnit = 'round' | 'run';

/**
 * The one wording of a comparison, the larger of the two first (compare.ts: ratio b ÷ a): "pool
 * served 1.85× [1.79–1.92] inline's req/s: differs", "`def`'s /health p99 was 2.10× [1.40–3.15]
 * `async def`'s: differs", "…: equivalent within ±5%", "…: inconclusive: needs ~3 more rounds".
 */
export function comparisonSentence(comparison: Comparison, unit: MoreUnit = 'round'): string {
  const bLarger = comparison.ratio >= 1;
  const [more, less] = bLarger ? [comparison.b, comparison.a] : [comparison.a, comparison.b];
  const ratio = bLarger ? comparison.ratio : 1 / comparison.ratio;
  const [low, high] = comparison.ratioCi95;
  const bracket = Number.isFinite(high) && low > 0 ? ` ${interval(bLarger ? [low, high] : [1 / high, 1 / low])}` : '';
  const times = `${format.ratio(ratio)}${bracket}`;
  const figure =
    comparison.metric === 'req/s'
      ? `${more} served ${times} ${format.possessive(less)} req/s`
      : `${format.possessive(more)} ${comparison.metric} was ${times} ${format.possessive(less)}`;
  const needed = comparison.moreRounds;
  const outcome =
    comparison.outcome === 'differs'
      ? 'differs'
      : comparison.outcome === 'equivalent'
        ? `equivalent within ±${+(comparison.margin * 100).toFixed(1)}%`
        : `inconclusive${typeof needed === 'number' ? `: needs ~${format.plural(needed, `more ${unit}`)}` : ''}`;
  return `${figure}: ${outcome}`;
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
