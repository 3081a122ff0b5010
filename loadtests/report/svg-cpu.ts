// The server's CPU over the window as an SVG line, with a dashed line at each whole core so that
// "one core busy" and "both cores busy" read off the chart without arithmetic.
import type { CpuSample } from './figures.ts';
import { CHART_WIDTH, escapeXml, linearScale, svg, text, xAxis, yAxis } from './svg.ts';

const LEFT = 60;
const RIGHT = 70;
const TOP = 16;
const PLOT_HEIGHT = 160;

export function cpuChart(title: string, samples: readonly CpuSample[], cores: number): string {
  const x = linearScale(Math.max(...samples.map((sample) => sample.atSeconds)), LEFT, CHART_WIDTH - RIGHT);
  const top = Math.max(cores * 100, ...samples.map((sample) => sample.cpuPercent));
  const y = linearScale(top, TOP + PLOT_HEIGHT, TOP);
  const bottom = TOP + PLOT_HEIGHT;
  const coreLines = Array.from({ length: cores }, (_, i) => {
    const at = y.toPixel((i + 1) * 100).toFixed(1);
    return (
      `<line x1="${LEFT}" y1="${at}" x2="${CHART_WIDTH - RIGHT}" y2="${at}" stroke="#555" stroke-dasharray="6 4"/>` +
      text(CHART_WIDTH - RIGHT + 4, Number(at) + 4, `${i + 1} ${i === 0 ? 'core' : 'cores'}`)
    );
  });
  const points = samples.map((sample) => [x.toPixel(sample.atSeconds), y.toPixel(sample.cpuPercent)] as const);
  const path = points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)} ${py.toFixed(1)}`).join(' ');
  // Square markers on each sample: the line's points stay visible where it runs flat along a core line.
  const markers = points
    .map(([px, py], i) => {
      const sample = samples[i]!;
      const tip = `${sample.atSeconds.toFixed(2)} s: ${sample.cpuPercent.toFixed(0)}% CPU`;
      return `<rect x="${(px - 2.5).toFixed(1)}" y="${(py - 2.5).toFixed(1)}" width="5" height="5" fill="#0072B2"><title>${escapeXml(tip)}</title></rect>`;
    })
    .join('');
  const body = [
    yAxis(y, LEFT, CHART_WIDTH - RIGHT, 'CPU, % of one core'),
    xAxis(x, bottom, TOP, 'seconds since the window opened'),
    ...coreLines,
    `<path d="${path}" fill="none" stroke="#0072B2" stroke-width="2"/>`,
    markers,
  ].join('');
  return svg(title, bottom + 40, body);
}
