// The crossover chart (report/svg-lines.ts): pool ÷ inline req/s against the loop's CPU time per
// request (log axis), one line per body size, a dotted rule where the two serve alike.
import * as format from '../report/format.ts';
import { lineChart } from '../report/svg-lines.ts';
import { pairsOf, ratioOf } from './analysis.ts';
import type { CrossoverReport } from './model.ts';
import { bytes, micros } from './tables.ts';

/** null when no point has both variants measured: no chart rather than an empty frame. */
export function ratioChart(report: CrossoverReport): string | null {
  const { cpuMicros, payloads } = report.parameters;
  const lines = payloads.map((payloadBytes, style) => ({
    name: `body ${bytes(payloadBytes)}`,
    style,
    points: pairsOf(report.windows, cpuMicros, payloadBytes).flatMap((pair) => {
      const ratio = ratioOf(pair);
      const title = `body ${bytes(payloadBytes)}, ${micros(pair.cpuMicrosPerRequest)} of CPU per request: pool ÷ inline ${format.ratio(ratio ?? 0)}`;
      return ratio === null ? [] : [{ x: pair.cpuMicrosPerRequest, y: ratio, title }];
    }),
  }));
  const all = lines.flatMap((line) => line.points);
  if (all.length === 0) return null;
  return lineChart({
    title: 'pool ÷ inline req/s against CPU time per request, one line per body size',
    x: {
      title: 'CPU time per request (the loop), µs, log scale',
      min: Math.min(...cpuMicros),
      max: Math.max(...cpuMicros),
    },
    y: { title: 'pool ÷ inline req/s', max: Math.max(1.2, ...all.map((point) => point.y)) },
    lines: lines.filter((line) => line.points.length > 0),
    yRules: [{ at: 1, label: 'pool = inline', dash: '1 2' }],
  });
}
