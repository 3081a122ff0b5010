// Line charts for the page: lines over a linear or log x axis, told apart without colour (each its
// own dash and marker, shown in a legend), reference lines across the plot, and marks a caller
// draws on the same scales. The sweep's curves and the crossover's ratio are drawn here. Pure.
import { CHART_WIDTH, escapeXml, linearScale, logScale, type Scale, svg, text, xAxis, yAxis } from './svg.ts';

const [LEFT, RIGHT, TOP, BOTTOM] = [64, CHART_WIDTH - 24, 16, 276];
/** Room a vertical rule's label needs to the right of its line. */
const LABEL_ROOM = 140;
const ROW = 14;
export const INK = '#111';

/** Okabe–Ito hues, each with a dash and a marker of its own for print in grey. */
const STYLES = [
  { colour: '#0072B2', dash: '', marker: 'square' },
  { colour: '#D55E00', dash: '2 3', marker: 'circle' },
  { colour: '#009E73', dash: '7 4', marker: 'triangle' },
  { colour: '#CC79A7', dash: '9 3 2 3', marker: 'diamond' },
] as const;
type Style = (typeof STYLES)[number];

export interface LinePoint {
  readonly x: number;
  readonly y: number;
  /** Its value as a tooltip; a point with one gets the line's marker. */
  readonly title?: string;
}

export interface Line {
  readonly name: string;
  readonly points: readonly LinePoint[];
  /** Index into the styles: hue, dash and marker. */
  readonly style: number;
  readonly className?: string;
}

/** A line across the plot at `at` (x for a vertical rule, y for a horizontal one), labelled. */
export interface Rule {
  readonly at: number;
  readonly label: string;
  readonly dash: string;
}

export interface LineChart {
  readonly title: string;
  /** `min` given: a log axis from it (for values that span decades). */
  readonly x: { readonly title: string; readonly max: number; readonly min?: number };
  readonly y: { readonly title: string; readonly max: number };
  readonly lines: readonly Line[];
  readonly xRules?: readonly Rule[];
  readonly yRules?: readonly Rule[];
  /** Drawn over the lines on the same scales: points, whiskers. */
  readonly marks?: (x: Scale, y: Scale) => readonly string[];
  /** Text rows under the legend: what each mark and rule means. */
  readonly key?: readonly string[];
}

const styleOf = (index: number): Style => STYLES[index % STYLES.length]!;
const dashOf = (dash: string): string => (dash === '' ? '' : ` stroke-dasharray="${dash}"`);

/** A point's marker; with `title`, its value as a tooltip. */
function marker(style: Style, x: number, y: number, title = ''): string {
  const at = (dx: number, dy: number): string => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`;
  const tag = style.marker === 'circle' ? 'circle' : style.marker === 'square' ? 'rect' : 'path';
  const attributes = `fill="${style.colour}" stroke="${INK}" stroke-width="0.7"`;
  const close = title === '' ? '/>' : `><title>${escapeXml(title)}</title></${tag}>`;
  if (style.marker === 'circle') return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" ${attributes}${close}`;
  if (style.marker === 'square')
    return `<rect x="${(x - 3.5).toFixed(1)}" y="${(y - 3.5).toFixed(1)}" width="7" height="7" ${attributes}${close}`;
  const shape =
    style.marker === 'triangle' ? [at(0, -5), at(4.5, 3.5), at(-4.5, 3.5)] : [at(0, -5), at(5, 0), at(0, 5), at(-5, 0)];
  return `<path d="M${shape.join(' L')} Z" ${attributes}${close}`;
}

export const pathOf = (points: readonly (readonly [number, number])[]): string =>
  points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');

function verticalRule(x: Scale, { at, label, dash }: Rule, row: number): string {
  const px = x.toPixel(at);
  // Near the right edge the label goes to the left of its line, so it stays on the chart.
  const leftward = px > RIGHT - LABEL_ROOM;
  const y = TOP + 12 + row * 13;
  return (
    `<line class="knee" x1="${px.toFixed(1)}" y1="${BOTTOM}" x2="${px.toFixed(1)}" y2="${TOP}" stroke="${INK}" stroke-width="1.5"${dashOf(dash)}/>` +
    (leftward ? text(px - 4, y, label, 'text-anchor="end"') : text(px + 4, y, label))
  );
}

function horizontalRule(y: Scale, { at, label, dash }: Rule): string {
  const py = y.toPixel(at);
  return `<line x1="${LEFT}" y1="${py.toFixed(1)}" x2="${RIGHT}" y2="${py.toFixed(1)}" stroke="${INK}" stroke-width="1.2"${dashOf(dash)}/>${text(LEFT + 4, py - 4, label)}`;
}

export function lineChart(chart: LineChart): string {
  const x =
    chart.x.min === undefined ? linearScale(chart.x.max, LEFT, RIGHT) : logScale(chart.x.min, chart.x.max, LEFT, RIGHT);
  const y = linearScale(chart.y.max, BOTTOM, TOP);
  const lines = chart.lines.map((line) => {
    const style = styleOf(line.style);
    const pixels = line.points.map((point) => [x.toPixel(point.x), y.toPixel(point.y)] as const);
    const className = line.className === undefined ? '' : ` class="${line.className}"`;
    return [
      `<path${className} d="${pathOf(pixels)}" fill="none" stroke="${style.colour}" stroke-width="2"${dashOf(style.dash)}/>`,
      ...line.points.map((point, i) =>
        point.title === undefined ? '' : marker(style, pixels[i]![0], pixels[i]![1], point.title),
      ),
    ].join('');
  });
  const legendY = BOTTOM + 50;
  // One line needs no legend: the axes and the title name it.
  const legend = (chart.lines.length > 1 ? chart.lines : []).map((line, i) => {
    const style = styleOf(line.style);
    const lx = LEFT + (i % 2) * 320;
    const ly = legendY + Math.floor(i / 2) * ROW;
    return (
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 30}" y2="${ly - 4}" stroke="${style.colour}" stroke-width="2"${dashOf(style.dash)}/>` +
      (line.points.some((point) => point.title !== undefined) ? marker(style, lx + 15, ly - 4) : '') +
      text(lx + 36, ly, line.name)
    );
  });
  const keyY = legendY + Math.ceil(legend.length / 2) * ROW;
  const key = (chart.key ?? []).map((row, i) => text(LEFT, keyY + i * ROW, row));
  const body = [
    yAxis(y, LEFT, RIGHT, chart.y.title),
    xAxis(x, BOTTOM, TOP, chart.x.title),
    ...(chart.yRules ?? []).map((rule) => horizontalRule(y, rule)),
    ...lines,
    ...(chart.marks?.(x, y) ?? []),
    ...(chart.xRules ?? []).map((rule, row) => verticalRule(x, rule, row)),
    ...legend,
    ...key,
  ];
  return svg(chart.title, keyY + (chart.key?.length ?? 0) * ROW + 8, body.join(''));
}
