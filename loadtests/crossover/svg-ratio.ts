// The crossover chart: pool ÷ inline req/s against the loop's CPU time per request (log axis),
// one line per body size. Told apart without colour: each line has its own dash and marker, and
// its name at its end. Pure: report in, SVG text out.
import * as format from '../report/format.ts';
import { escapeXml, linearScale, logScale, svg, text, xAxis, yAxis } from '../report/svg.ts';
import { pairsOf, ratioOf } from './analysis.ts';
import type { CrossoverReport } from './model.ts';
import { bytes, micros } from './tables.ts';

const HEIGHT = 360;
const [LEFT, RIGHT, TOP, BOTTOM] = [64, 620, 24, 300];
/** Okabe–Ito hues, each with a dash and a marker of its own for print in grey. */
const LINES = [
  { colour: '#0072B2', dash: '', marker: 'circle' },
  { colour: '#E69F00', dash: '7 4', marker: 'square' },
  { colour: '#009E73', dash: '2 3', marker: 'triangle' },
  { colour: '#CC79A7', dash: '9 3 2 3', marker: 'diamond' },
] as const;

/** A point's marker; a data point carries its value as a tooltip (the legend's markers do not). */
function marker(shape: (typeof LINES)[number]['marker'], x: number, y: number, colour: string, value = ''): string {
  const at = (dx: number, dy: number): string => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`;
  const style = `fill="${colour}" stroke="#111" stroke-width="0.7"`;
  const close =
    value === ''
      ? '/>'
      : `><title>${escapeXml(value)}</title></${shape === 'circle' ? 'circle' : shape === 'square' ? 'rect' : 'path'}>`;
  if (shape === 'circle') return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" ${style}${close}`;
  if (shape === 'square')
    return `<rect x="${(x - 3.5).toFixed(1)}" y="${(y - 3.5).toFixed(1)}" width="7" height="7" ${style}${close}`;
  if (shape === 'triangle') return `<path d="M${at(0, -5)} L${at(4.5, 3.5)} L${at(-4.5, 3.5)} Z" ${style}${close}`;
  return `<path d="M${at(0, -5)} L${at(5, 0)} L${at(0, 5)} L${at(-5, 0)} Z" ${style}${close}`;
}

/** null when no point has both variants measured: no chart rather than an empty frame. */
export function ratioChart(report: CrossoverReport): string | null {
  const { cpuMicros, payloads } = report.parameters;
  const series = payloads.map((payloadBytes) =>
    pairsOf(report.windows, cpuMicros, payloadBytes)
      .map((pair) => ({ x: pair.cpuMicrosPerRequest, y: ratioOf(pair) }))
      .filter((point): point is { x: number; y: number } => point.y !== null),
  );
  const all = series.flat();
  if (all.length === 0) return null;
  const x = logScale(Math.min(...cpuMicros), Math.max(...cpuMicros), LEFT, RIGHT);
  const y = linearScale(Math.max(1.2, ...all.map((point) => point.y)), BOTTOM, TOP);
  const parity = y.toPixel(1);
  const parts = [
    xAxis(x, BOTTOM, TOP, 'CPU time per request (the loop), µs, log scale'),
    yAxis(y, LEFT, RIGHT, 'pool ÷ inline req/s'),
    `<line x1="${LEFT}" y1="${parity.toFixed(1)}" x2="${RIGHT}" y2="${parity.toFixed(1)}" stroke="#111" stroke-width="1.2" stroke-dasharray="1 2"/>`,
    text(LEFT + 4, parity - 4, 'pool = inline'),
  ];
  series.forEach((points, i) => {
    const line = LINES[i % LINES.length]!;
    const pixels = points.map((point) => [x.toPixel(point.x), y.toPixel(point.y)] as const);
    if (pixels.length === 0) return;
    const path = pixels.map(([px, py], j) => `${j === 0 ? 'M' : 'L'}${px.toFixed(1)} ${py.toFixed(1)}`).join(' ');
    parts.push(
      `<path d="${path}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dash === '' ? '' : ` stroke-dasharray="${line.dash}"`}/>`,
    );
    for (const [j, [px, py]] of pixels.entries()) {
      const point = points[j]!;
      const value = `body ${bytes(payloads[i]!)}, ${micros(point.x)} of CPU per request: pool ÷ inline ${format.ratio(point.y)}`;
      parts.push(marker(line.marker, px, py, line.colour, value));
    }
    const [endX, endY] = pixels.at(-1)!;
    parts.push(text(endX + 8, endY + 4 + (i - (series.length - 1) / 2) * 11, bytes(payloads[i]!)));
  });
  // The legend: each body size's dash and marker, below the axis title.
  payloads.forEach((payloadBytes, i) => {
    const line = LINES[i % LINES.length]!;
    const lx = LEFT + i * 130;
    parts.push(
      `<line x1="${lx}" y1="${HEIGHT - 12}" x2="${lx + 30}" y2="${HEIGHT - 12}" stroke="${line.colour}" stroke-width="2"${line.dash === '' ? '' : ` stroke-dasharray="${line.dash}"`}/>`,
      marker(line.marker, lx + 15, HEIGHT - 12, line.colour),
      text(lx + 36, HEIGHT - 8, `body ${bytes(payloadBytes)}`),
    );
  });
  return svg('pool ÷ inline req/s against CPU time per request, one line per body size', HEIGHT, parts.join(''));
}
