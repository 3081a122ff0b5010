// SVG building blocks for the HTML report: escaping, scales with round ticks, axes that name their
// unit, and fills that tell series apart without colour (hatches and dots as well as hues).
// Hand-built SVG rather than a chart library: the charts are few and plain (bars, a line, a Gantt),
// the page must be one file that works offline, and a pure `Report -> string` then needs no DOM,
// no bundle to inline and no dependency to keep up to date.

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Every chart is drawn this wide (in px of its viewBox) and scales down to the page. */
export const CHART_WIDTH = 720;
const FONT = 'font-size="11" font-family="system-ui, sans-serif"';

export interface Scale {
  readonly toPixel: (value: number) => number;
  readonly ticks: readonly number[];
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

export function linearScale(max: number, from: number, to: number): Scale {
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  return { ticks, toPixel: (value) => from + ((to - from) * value) / top };
}

/**
 * Decades from below `min` to above `max`: for latencies that span 0.5 ms (/health on a free
 * event loop) to 500 ms (behind a blocked one), which a linear axis would flatten to nothing.
 */
export function logScale(min: number, max: number, from: number, to: number): Scale {
  const low = Math.floor(Math.log10(Math.max(min, 0.01)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(max, 0.01))));
  const ticks = Array.from({ length: high - low + 1 }, (_, i) => Number((10 ** (low + i)).toPrecision(6)));
  return {
    ticks,
    toPixel: (value) => from + ((to - from) * (Math.log10(Math.max(value, 10 ** low)) - low)) / (high - low),
  };
}

/** Tick labels without float noise: 0.1, 2, 1000. */
export const tickLabel = (value: number): string => String(Number(value.toPrecision(6)));

export function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${FONT} ${attributes}>${escapeXml(content)}</text>`;
}

/** A horizontal axis at `y` over [left, right], with grid lines up to `gridTop` and its title below. */
export function xAxis(scale: Scale, y: number, gridTop: number, title: string): string {
  const parts = scale.ticks.map((tick) => {
    const x = scale.toPixel(tick);
    return (
      `<line x1="${x.toFixed(1)}" y1="${gridTop}" x2="${x.toFixed(1)}" y2="${y + 4}" stroke="#ccc"/>` +
      text(x, y + 16, tickLabel(tick), 'text-anchor="middle"')
    );
  });
  const [first, last] = [scale.toPixel(scale.ticks[0]!), scale.toPixel(scale.ticks[scale.ticks.length - 1]!)];
  parts.push(`<line x1="${first}" y1="${y}" x2="${last}" y2="${y}" stroke="#333"/>`);
  parts.push(text((first + last) / 2, y + 32, title, 'text-anchor="middle" font-weight="600"'));
  return parts.join('');
}

/** A vertical axis at `x`, grid lines across to `gridRight`, its title turned along it. */
export function yAxis(scale: Scale, x: number, gridRight: number, title: string): string {
  const parts = scale.ticks.map((tick) => {
    const y = scale.toPixel(tick);
    return (
      `<line x1="${x - 4}" y1="${y.toFixed(1)}" x2="${gridRight}" y2="${y.toFixed(1)}" stroke="#ddd"/>` +
      text(x - 6, y + 4, tickLabel(tick), 'text-anchor="end"')
    );
  });
  const [bottom, top] = [scale.toPixel(scale.ticks[0]!), scale.toPixel(scale.ticks[scale.ticks.length - 1]!)];
  parts.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${top}" stroke="#333"/>`);
  const middle = (bottom + top) / 2;
  parts.push(text(14, middle, title, `text-anchor="middle" font-weight="600" transform="rotate(-90 14 ${middle})"`));
  return parts.join('');
}

/** Okabe–Ito hues (told apart by colour-blind readers too), each with its own texture for print in grey. */
const FILLS = [
  { colour: '#0072B2', texture: '' },
  { colour: '#E69F00', texture: '<path d="M0 6 L6 0" stroke="#fff" stroke-width="1.6"/>' },
  { colour: '#009E73', texture: '<circle cx="3" cy="3" r="1.2" fill="#fff"/>' },
  { colour: '#CC79A7', texture: '<path d="M0 3 H6 M3 0 V6" stroke="#fff" stroke-width="1.2"/>' },
  { colour: '#56B4E9', texture: '<path d="M0 0 L6 6" stroke="#fff" stroke-width="1.6"/>' },
  { colour: '#D55E00', texture: '<path d="M0 3 H6" stroke="#fff" stroke-width="1.6"/>' },
] as const;

/** `<defs>` with the fills of `count` series, ids `${prefix}-fill-0`…; ids are page-wide, hence the prefix. */
export function fillDefs(prefix: string, count: number): string {
  const patterns = Array.from({ length: count }, (_, i) => {
    const fill = FILLS[i % FILLS.length]!;
    return `<pattern id="${prefix}-fill-${i}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${fill.colour}"/>${fill.texture}</pattern>`;
  });
  return `<defs>${patterns.join('')}</defs>`;
}

export const fillOf = (prefix: string, index: number): string => `url(#${prefix}-fill-${index})`;

/** A legend row: a swatch of each series' fill and its name. */
export function legend(prefix: string, names: readonly string[], x: number, y: number): string {
  let at = x;
  return names
    .map((name, i) => {
      const swatch = `<rect x="${at}" y="${y - 10}" width="14" height="12" fill="${fillOf(prefix, i)}" stroke="#333" stroke-width="0.5"/>`;
      const label = text(at + 18, y, name);
      at += 32 + name.length * 6.5;
      return swatch + label;
    })
    .join('');
}

/** The chart's <svg>: drawn at CHART_WIDTH × height, scaled by CSS; its title read out by screen readers. */
export function svg(title: string, height: number, body: string): string {
  return `<svg class="chart" role="img" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(title)}</title>${body}</svg>`;
}
