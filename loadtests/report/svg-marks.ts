// Bars against a mark (a target, a reference): one row per figure, its name on a line of its own
// above the bar, so long names fit. The mark is a dashed line across the bar's row; the verdict is
// written beside the bar and the fill differs by verdict (hue and texture), so the chart reads in grey.
import { CHART_WIDTH, escapeXml, fillDefs, fillOf, legend, linearScale, logScale, svg, text, xAxis } from './svg.ts';

/** How a bar stands against its mark; each has its own fill and legend entry. */
export const VERDICTS = ['met', 'missed', 'no target'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface MarkedBar {
  /** The figure's name and how it stands, written above its bar. */
  readonly label: string;
  readonly value: number;
  /** Where the dashed line goes, in the value's unit; null draws none. */
  readonly mark: number | null;
  /** Written right of the bar: the value with its unit. */
  readonly valueText: string;
  readonly verdict: Verdict;
}

export interface MarkedBarChart {
  /** Unique on the page: prefixes the chart's pattern ids. */
  readonly id: string;
  readonly title: string;
  /** The value axis' title, with its unit. */
  readonly axisTitle: string;
  readonly bars: readonly MarkedBar[];
  /** Log for ratios that span decades (0.01× to 600×), where a linear axis hides the small ones. */
  readonly scale: 'linear' | 'log';
}

const LEFT = 16;
const VALUE_ROOM = 130;
const LABEL_HEIGHT = 15;
const BAR_HEIGHT = 14;
const ROW_GAP = 9;
const TOP = 30;
/** Right of the three verdict swatches. */
const LEGEND_MARK_X = LEFT + 260;

export function markedBarChart(chart: MarkedBarChart): string {
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
  const values = chart.bars.flatMap((bar) => [bar.value, bar.mark ?? bar.value]).filter((value) => value > 0);
  const [min, max] = [Math.min(...values, 1), Math.max(...values, Number.MIN_VALUE)];
  const right = CHART_WIDTH - VALUE_ROOM;
  const scale = chart.scale === 'log' ? logScale(min, max, LEFT, right) : linearScale(max, LEFT, right);
  const axisY = TOP + chart.bars.length * rowHeight;
  const rows = chart.bars.map((bar, i) => {
    const top = TOP + i * rowHeight;
    const barTop = top + LABEL_HEIGHT;
    const end = scale.toPixel(Math.max(0, bar.value));
    const markX = bar.mark === null ? null : scale.toPixel(bar.mark);
    const mark =
      markX === null
        ? ''
        : `<line x1="${markX.toFixed(1)}" y1="${barTop - 3}" x2="${markX.toFixed(1)}" y2="${barTop + BAR_HEIGHT + 3}" stroke="#000" stroke-width="2" stroke-dasharray="4 2"/>`;
    const fill = fillOf(chart.id, VERDICTS.indexOf(bar.verdict));
    return (
      text(LEFT, top + 11, bar.label, 'font-weight="600"') +
      `<rect x="${LEFT}" y="${barTop}" width="${Math.max(1, end - LEFT).toFixed(1)}" height="${BAR_HEIGHT}" fill="${fill}" stroke="#333" stroke-width="0.5">` +
      `<title>${escapeXml(`${bar.label}: ${bar.valueText}`)}</title></rect>` +
      mark +
      text(Math.max(end, markX ?? end) + 8, barTop + 11, bar.valueText)
    );
  });
  const body = [
    fillDefs(chart.id, VERDICTS.length),
    legend(chart.id, VERDICTS, LEFT, 14),
    `<line x1="${LEGEND_MARK_X}" y1="3" x2="${LEGEND_MARK_X}" y2="17" stroke="#000" stroke-width="2" stroke-dasharray="4 2"/>`,
    text(LEGEND_MARK_X + 8, 14, 'the target, or the reference'),
    xAxis(scale, axisY, TOP, chart.axisTitle + (chart.scale === 'log' ? ' (log scale)' : '')),
    ...rows,
  ].join('');
  return svg(chart.title, axisY + 40, body);
}
