// Horizontal grouped bars for the HTML report: one group per variant, one bar per series (p50, p99…),
// each bar labelled with its value so that the chart reads without colour and without the axis.
import {
  CHART_WIDTH,
  escapeXml,
  fillDefs,
  fillOf,
  legend,
  linearScale,
  logScale,
  type Scale,
  svg,
  text,
  xAxis,
} from './svg.ts';
import { NOT_MEASURED } from './format.ts';

export interface BarSeries {
  readonly name: string;
  /** One per category; null draws no bar and says why in `missing`. */
  readonly values: readonly (number | null)[];
  /** 95% intervals drawn as whiskers, one per category; null where there is none. */
  readonly intervals?: readonly (readonly [number, number] | null)[];
}

export interface BarChart {
  /** Unique on the page: prefixes the chart's pattern ids. */
  readonly id: string;
  readonly title: string;
  /** The value axis' title, with its unit: "latency, ms". */
  readonly axisTitle: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** Linear unless said. */
  readonly scale?: 'linear' | 'log';
  readonly format: (value: number) => string;
  /** Written where a value is null; "not measured" unless said. */
  readonly missing?: string;
}

const LABEL_WIDTH = 130;
const VALUE_ROOM = 110;
const BAR_HEIGHT = 14;
const GROUP_GAP = 12;
const TOP = 28;

function scaleOf(chart: BarChart, from: number, to: number): Scale {
  const values = chart.series.flatMap((series) => [
    ...series.values,
    ...(series.intervals ?? []).map((interval) => interval?.[1] ?? null),
  ]);
  const present = values.filter((value): value is number => value !== null && value > 0);
  const max = Math.max(...present, 1);
  return chart.scale === 'log' ? logScale(Math.min(...present, max), max, from, to) : linearScale(max, from, to);
}

function whisker(scale: Scale, interval: readonly [number, number], middle: number): string {
  const [low, high] = [scale.toPixel(interval[0]), scale.toPixel(interval[1])];
  const [top, bottom] = [middle - 4, middle + 4];
  return (
    `<path d="M${low.toFixed(1)} ${top} V${bottom} M${low.toFixed(1)} ${middle} H${high.toFixed(1)} ` +
    `M${high.toFixed(1)} ${top} V${bottom}" stroke="#000" stroke-width="1.2" fill="none"/>`
  );
}

export function barChart(chart: BarChart): string {
  const groupHeight = chart.series.length * BAR_HEIGHT + GROUP_GAP;
  const axisY = TOP + chart.categories.length * groupHeight;
  const scale = scaleOf(chart, LABEL_WIDTH, CHART_WIDTH - VALUE_ROOM);
  const bars = chart.categories.map((category, c) => {
    const groupTop = TOP + c * groupHeight;
    const label = text(LABEL_WIDTH - 8, groupTop + (groupHeight - GROUP_GAP) / 2 + 4, category, 'text-anchor="end"');
    const rows = chart.series.map((series, s) => {
      const y = groupTop + s * BAR_HEIGHT;
      const value = series.values[c] ?? null;
      if (value === null)
        return text(LABEL_WIDTH + 4, y + 11, `${series.name}: ${chart.missing ?? NOT_MEASURED}`, 'font-style="italic"');
      const end = scale.toPixel(value);
      const interval = series.intervals?.[c] ?? null;
      const labelX = Math.max(end, interval === null ? end : scale.toPixel(interval[1])) + 6;
      const tip = `${category} ${series.name}: ${chart.format(value)}`;
      return (
        `<rect x="${LABEL_WIDTH}" y="${y + 1}" width="${Math.max(1, end - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT - 2}" ` +
        `fill="${fillOf(chart.id, s)}" stroke="#333" stroke-width="0.5"><title>${escapeXml(tip)}</title></rect>` +
        (interval === null ? '' : whisker(scale, interval, y + BAR_HEIGHT / 2)) +
        text(labelX, y + 11, `${series.name} ${chart.format(value)}`)
      );
    });
    return label + rows.join('');
  });
  const names = chart.series.map((series) => series.name);
  const body = [
    fillDefs(chart.id, chart.series.length),
    chart.series.length > 1 ? legend(chart.id, names, LABEL_WIDTH, 14) : '',
    xAxis(scale, axisY, TOP - 6, chart.axisTitle + (chart.scale === 'log' ? ' (log scale)' : '')),
    ...bars,
  ].join('');
  return svg(chart.title, axisY + 40, body);
}
