// The sweep's charts as SVG: req/s against pool size with every run's point, the median with its
// range, the fitted USL curve, the predicted curve, and the predicted and measured knees; and p99
// against size. Told apart without colour: marker shapes, dash patterns and a label on each line.
import * as format from '../report/format.ts';
import { closedThroughput } from '../sizing/closed-network.ts';
import { uslThroughput } from '../sizing/usl.ts';
import { CHART_WIDTH, linearScale, type Scale, svg, text, xAxis, yAxis } from '../report/svg.ts';
import { medianSeries, poolKnee } from './analyse.ts';
import type { SweepReport, SweepSeries } from './model.ts';

const LEFT = 64;
const RIGHT = 24;
const TOP = 16;
const PLOT_HEIGHT = 240;
const BOTTOM = TOP + PLOT_HEIGHT;
const CURVE_STEPS = 120;
/** Room a knee's label needs to the right of its line. */
const LABEL_ROOM = 140;
const INK = '#111';
const BLUE = '#0072B2';
const ORANGE = '#D55E00';

const path = (points: readonly (readonly [number, number])[]): string =>
  points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');

/** A vertical line across the plot at `at`, labelled at its top. */
function marker(x: Scale, at: number, label: string, dash: string, row: number): string {
  const px = x.toPixel(at).toFixed(1);
  // Near the right edge the label goes to the left of its line, so it stays on the chart.
  const leftward = Number(px) > CHART_WIDTH - RIGHT - LABEL_ROOM;
  const label_ = leftward
    ? text(Number(px) - 4, TOP + 12 + row * 13, label, 'text-anchor="end"')
    : text(Number(px) + 4, TOP + 12 + row * 13, label);
  return `<line class="knee" x1="${px}" y1="${BOTTOM}" x2="${px}" y2="${TOP}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="${dash}"/>${label_}`;
}

/** Points over the sizes: the fitted curve, sampled finely between 1 and the largest. */
const samples = (largest: number): number[] =>
  Array.from({ length: CURVE_STEPS + 1 }, (_, i) => 1 + ((largest - 1) * i) / CURVE_STEPS);

export function throughputChart(report: SweepReport, series: SweepSeries): string {
  const medians = medianSeries(series).points;
  const { usl, prediction } = report;
  const isPool = series.axis === '--pool-size';
  // The predicted knee stays on the chart even when the sweep stopped short of it.
  const predicted = isPool && report.predictedKnee !== null ? Math.ceil(report.predictedKnee) : 2;
  const largest = Math.max(...series.points.map((point) => point.x), predicted);
  const fitted = usl !== null && usl.state === 'fitted' && isPool ? usl : null;
  // The closed network's prediction, at whole sizes: threads come in ones.
  const predictedAt =
    prediction === null || !isPool
      ? null
      : Array.from({ length: largest }, (_, i) => {
          const { computeMs, waitMs } = prediction.calibration;
          return [i + 1, closedThroughput({ computeMs, waitMs }, prediction.cores.effective, i + 1)] as const;
        });
  const highs = [
    ...series.points.map((point) => point.run.requestsPerSecondCi95?.[1] ?? point.run.requestsPerSecond),
    ...(fitted === null ? [] : samples(largest).map((n) => uslThroughput(fitted, n))),
    ...(predictedAt === null ? [] : predictedAt.map(([, rate]) => rate)),
  ];
  const x = linearScale(largest, LEFT, CHART_WIDTH - RIGHT);
  const y = linearScale(Math.max(...highs), BOTTOM, TOP);
  // Every run: a small open circle; the median: a filled square with the runs' range (or the one run's 95% interval).
  const runs = series.points.map(
    ({ x: size, run }) =>
      `<circle class="run" cx="${x.toPixel(size).toFixed(1)}" cy="${y.toPixel(run.requestsPerSecond).toFixed(1)}" r="3" fill="none" stroke="${BLUE}"/>`,
  );
  const middles = medians.map(({ x: size, run }) => {
    const all = series.points.filter((point) => point.x === size).map((point) => point.run);
    const [low, high] =
      all.length > 1
        ? [Math.min(...all.map((r) => r.requestsPerSecond)), Math.max(...all.map((r) => r.requestsPerSecond))]
        : (run.requestsPerSecondCi95 ?? [run.requestsPerSecond, run.requestsPerSecond]);
    const px = x.toPixel(size).toFixed(1);
    return (
      `<line x1="${px}" y1="${y.toPixel(low).toFixed(1)}" x2="${px}" y2="${y.toPixel(high).toFixed(1)}" stroke="${INK}"/>` +
      `<rect class="median" x="${(Number(px) - 3.5).toFixed(1)}" y="${(y.toPixel(run.requestsPerSecond) - 3.5).toFixed(1)}" width="7" height="7" fill="${INK}"><title>${series.axis} ${size}: ${format.perSecond(run.requestsPerSecond)} req/s (range ${format.perSecond(low)}–${format.perSecond(high)})</title></rect>`
    );
  });
  const lines = [
    ...(fitted === null
      ? []
      : [
          `<path class="usl" d="${path(samples(largest).map((n) => [x.toPixel(n), y.toPixel(uslThroughput(fitted, n))]))}" fill="none" stroke="${BLUE}" stroke-width="2"/>`,
        ]),
    ...(predictedAt === null
      ? []
      : [
          `<path class="predicted" d="${path(predictedAt.map(([n, rate]) => [x.toPixel(n), y.toPixel(rate)]))}" fill="none" stroke="${ORANGE}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
        ]),
  ];
  const measured = poolKnee(report);
  const knees = [
    ...(report.predictedKnee === null || !isPool
      ? []
      : [marker(x, report.predictedKnee, `predicted knee ${report.predictedKnee}`, '7 4', 0)]),
    ...(measured === undefined || !isPool ? [] : [marker(x, measured.size, `measured knee ${measured.size}`, '', 1)]),
  ];
  const keys = [
    ['■ median (bar: range of the runs, or one run’s 95% interval)', '○ each run'],
    [
      ...(fitted === null ? [] : ['solid curve: USL fit']),
      ...(predictedAt === null ? [] : ['dotted: predicted (C on the cores, then W, per thread)']),
    ],
    ['dashed line: predicted knee', 'solid line: measured knee'],
  ].map((row, i) => text(LEFT, BOTTOM + 50 + i * 14, row.join('   ')));
  const body = [
    yAxis(y, LEFT, CHART_WIDTH - RIGHT, 'req/s'),
    xAxis(x, BOTTOM, TOP, `${series.axis} (threads)`),
    ...lines,
    ...middles,
    ...runs,
    ...knees,
    ...keys,
  ].join('');
  return svg(`${series.variant}: req/s by ${series.axis}`, BOTTOM + 88, body);
}

/** p99 latency (median over the runs) against size; null when a point served nothing. */
export function latencyChart(series: SweepSeries): string | null {
  const medians = medianSeries(series).points;
  const p99s = medians.map(({ run }) => run.latencyMs?.p99 ?? null);
  if (p99s.some((value) => value === null)) return null;
  const largest = Math.max(...medians.map((point) => point.x), 2);
  const x = linearScale(largest, LEFT, CHART_WIDTH - RIGHT);
  const y = linearScale(Math.max(...(p99s as number[])), BOTTOM, TOP);
  const points = medians.map(({ x: size }, i) => [x.toPixel(size), y.toPixel(p99s[i]!)] as const);
  const body = [
    yAxis(y, LEFT, CHART_WIDTH - RIGHT, 'p99 latency, ms'),
    xAxis(x, BOTTOM, TOP, `${series.axis}${series.kind === 'size' ? ' (threads)' : ''}`),
    `<path d="${path(points)}" fill="none" stroke="${BLUE}" stroke-width="2"/>`,
    ...points.map(
      ([px, py], i) =>
        `<rect class="median" x="${(px - 3.5).toFixed(1)}" y="${(py - 3.5).toFixed(1)}" width="7" height="7" fill="${INK}"><title>${series.axis} ${medians[i]!.x}: p99 ${format.ms(p99s[i]!)} ms</title></rect>`,
    ),
  ].join('');
  return svg(`${series.variant}: p99 ms by ${series.axis}`, BOTTOM + 40, body);
}
