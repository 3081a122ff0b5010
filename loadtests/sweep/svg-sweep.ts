// The sweep's charts (report/svg-lines.ts): req/s against pool size with every run's point, the
// median with its range, the fitted USL curve, the predicted curve, and the predicted and measured
// knees; and p99 against size.
import * as format from '../report/format.ts';
import { INK, type Line, lineChart } from '../report/svg-lines.ts';
import { closedThroughput } from '../sizing/closed-network.ts';
import { uslThroughput } from '../sizing/usl.ts';
import type { Scale } from '../report/svg.ts';
import { medianSeries, poolKnee } from './analyse.ts';
import type { SweepReport, SweepSeries } from './model.ts';

const CURVE_STEPS = 120;
const BLUE = '#0072B2';

/** A median: a filled square, its value as a tooltip. */
const median = (px: number, py: number, title: string): string =>
  `<rect class="median" x="${(px - 3.5).toFixed(1)}" y="${(py - 3.5).toFixed(1)}" width="7" height="7" fill="${INK}"><title>${title}</title></rect>`;

/** The fitted curve, sampled finely between 1 and the largest size, and the prediction at whole sizes. */
function curves(report: SweepReport, largest: number): Line[] {
  const { usl, prediction } = report;
  const lines: Line[] = [];
  if (usl !== null && usl.state === 'fitted') {
    const sizes = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => 1 + ((largest - 1) * i) / CURVE_STEPS);
    lines.push({
      name: 'USL fit',
      style: 0,
      className: 'usl',
      points: sizes.map((n) => ({ x: n, y: uslThroughput(usl, n) })),
    });
  }
  if (prediction !== null) {
    const { computeMs, waitMs } = prediction.calibration;
    const points = Array.from({ length: largest }, (_, i) => ({
      x: i + 1,
      y: closedThroughput({ computeMs, waitMs }, prediction.cores.effective, i + 1),
    }));
    lines.push({ name: 'predicted (C on the cores, then W, per thread)', style: 1, className: 'predicted', points });
  }
  return lines;
}

export function throughputChart(report: SweepReport, series: SweepSeries): string {
  const isPool = series.axis === '--pool-size';
  // The predicted knee stays on the chart even when the sweep stopped short of it.
  const predicted = isPool && report.predictedKnee !== null ? Math.ceil(report.predictedKnee) : 2;
  const largest = Math.max(...series.points.map((point) => point.x), predicted);
  const lines = isPool ? curves(report, largest) : [];
  const highs = [
    ...series.points.map((point) => point.run.requestsPerSecondCi95?.[1] ?? point.run.requestsPerSecond),
    ...lines.flatMap((line) => line.points.map((point) => point.y)),
  ];
  // Every run: a small open circle; the median: a filled square with the runs' range (or the one run's 95% interval).
  const marks = (x: Scale, y: Scale): string[] => [
    ...medianSeries(series).points.map(({ x: size, run }) => {
      const all = series.points.filter((point) => point.x === size).map((point) => point.run.requestsPerSecond);
      const [low, high] =
        all.length > 1
          ? [Math.min(...all), Math.max(...all)]
          : (run.requestsPerSecondCi95 ?? [run.requestsPerSecond, run.requestsPerSecond]);
      const px = x.toPixel(size);
      const title = `${series.axis} ${size}: ${format.perSecond(run.requestsPerSecond)} req/s (range ${format.perSecond(low)}–${format.perSecond(high)})`;
      return (
        `<line x1="${px.toFixed(1)}" y1="${y.toPixel(low).toFixed(1)}" x2="${px.toFixed(1)}" y2="${y.toPixel(high).toFixed(1)}" stroke="${INK}"/>` +
        median(px, y.toPixel(run.requestsPerSecond), title)
      );
    }),
    ...series.points.map(
      ({ x: size, run }) =>
        `<circle class="run" cx="${x.toPixel(size).toFixed(1)}" cy="${y.toPixel(run.requestsPerSecond).toFixed(1)}" r="3" fill="none" stroke="${BLUE}"/>`,
    ),
  ];
  const measured = poolKnee(report);
  return lineChart({
    title: `${series.variant}: req/s by ${series.axis}`,
    x: { title: `${series.axis} (threads)`, max: largest },
    y: { title: 'req/s', max: Math.max(...highs) },
    lines,
    marks,
    xRules: isPool
      ? [
          ...(report.predictedKnee === null
            ? []
            : [{ at: report.predictedKnee, label: `predicted knee ${report.predictedKnee}`, dash: '7 4' }]),
          ...(measured === undefined ? [] : [{ at: measured.size, label: `measured knee ${measured.size}`, dash: '' }]),
        ]
      : [],
    key: [
      '■ median (bar: range of the runs, or one run’s 95% interval)   ○ each run',
      ...(isPool ? ['dashed line: predicted knee   solid line: measured knee'] : []),
    ],
  });
}

/** p99 latency (median over the runs) against size; null when a point served nothing. */
export function latencyChart(series: SweepSeries): string | null {
  const medians = medianSeries(series).points;
  const p99s = medians.map(({ run }) => run.latencyMs?.p99 ?? null);
  if (p99s.some((value) => value === null)) return null;
  const points = medians.map(({ x }, i) => ({ x, y: p99s[i]! }));
  return lineChart({
    title: `${series.variant}: p99 ms by ${series.axis}`,
    x: {
      title: `${series.axis}${series.kind === 'size' ? ' (threads)' : ''}`,
      max: Math.max(...medians.map((p) => p.x), 2),
    },
    y: { title: 'p99 latency, ms', max: Math.max(...points.map((point) => point.y)) },
    lines: [{ name: 'p99 (median over the runs)', style: 0, points }],
    marks: (x, y) =>
      points.map((point) =>
        median(x.toPixel(point.x), y.toPixel(point.y), `${series.axis} ${point.x}: p99 ${format.ms(point.y)} ms`),
      ),
  });
}
