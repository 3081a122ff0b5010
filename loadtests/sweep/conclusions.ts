// The sweep report's sentences, each computed from its points.
import { sampleSize } from '../report/answer-findings.ts';
import { FOREIGN_CPU_LIMIT_PERCENT } from '../report/findings.ts';
import { describeCores } from '../../server/cores.ts';
import * as format from '../report/format.ts';
import { medianSeries, poolKnee, poolSeries } from './analyse.ts';
import { contentionSentence, kneeSentence, unestimatedSentence } from './knee-sentences.ts';
import type { SweepReport, SweepSeries } from './model.ts';
import { pointName } from './point-name.ts';
import { sizingSentences } from './sizing-sentences.ts';

const change = (from: number | null, to: number | null, show: (n: number) => string): string =>
  from === null || to === null ? 'not measured' : `${show(from)} → ${show(to)}`;
const msText = (value: number): string => `${format.ms(value)} ms`;

/** How few requests a series' points rest on, at its smallest point: the loadtest report's sentence. */
function sampleCaveat(series: SweepSeries): string {
  const fewest = series.points.reduce((low, point) => (point.run.requests < low.run.requests ? point : low));
  const where = pointName(series, fewest.x);
  const { requests } = fewest.run;
  if (requests === 0) return `${where} served no request, so its point has no latency figures.`;
  return sampleSize(where, requests);
}

/** What going from the knee to the largest size changed, on the medians the tables show. */
function pastTheKnee(series: SweepSeries, kneeSize: number): string | null {
  const knee = series.points.find((point) => point.x === kneeSize)?.run;
  const largest = series.points[series.points.length - 1]!;
  if (knee === undefined || largest.x <= kneeSize) return null;
  const { run } = largest;
  return (
    `from ${series.axis} ${kneeSize} to ${largest.x}: req/s ${change(knee.requestsPerSecond, run.requestsPerSecond, format.perSecond)}, ` +
    `p99 ${change(knee.latencyMs?.p99 ?? null, run.latencyMs?.p99 ?? null, msText)}, /health p99 ${change(knee.health.latencyMs?.p99 ?? null, run.health.latencyMs?.p99 ?? null, msText)}, ` +
    `memory ${change(knee.server.residentBytes, run.server.residentBytes, format.mebibytes)}`
  );
}

/** `series`: the medians over the runs; its knee and verdict come from the report. */
function sizeSentences(series: SweepSeries, report: SweepReport): string[] {
  const knee = report.knees.find((one) => one.variant === series.variant && one.axis === series.axis);
  if (knee === undefined) return [sampleCaveat(series)];
  const label = pointName(series, knee.size);
  const comparison = report.comparisons.find((one) => one.a === label) ?? null;
  const largest = series.points[series.points.length - 1]!.x;
  const past = pastTheKnee(series, knee.size);
  return [
    unestimatedSentence(knee),
    kneeSentence(knee),
    past === null ? null : `${series.variant} ${past}.`,
    contentionSentence(knee, largest, comparison),
    sampleCaveat(series),
  ].filter((line): line is string => line !== null);
}

function clientSentences(series: SweepSeries): string[] {
  const first = series.points[0]!;
  const last = series.points[series.points.length - 1]!;
  return [
    `${series.variant} from ${first.x} to ${last.x} clients: req/s ${change(first.run.requestsPerSecond, last.run.requestsPerSecond, format.perSecond)}, ` +
      `p99 ${change(first.run.latencyMs?.p99 ?? null, last.run.latencyMs?.p99 ?? null, msText)}, /health p99 ${change(first.run.health.latencyMs?.p99 ?? null, last.run.health.latencyMs?.p99 ?? null, msText)}.`,
    sampleCaveat(series),
  ];
}

/** The pool's knee as a flag to pass, why, and what more threads cost; empty when no pool was swept. */
export function recommendationLines(report: SweepReport): string[] {
  const pool = poolSeries(report.series);
  const knee = poolKnee(report);
  if (pool === undefined || knee === undefined || report.recommendation === null) return [];
  const medians = report.parameters.repeat > 1 ? ' (medians over the runs)' : '';
  const cores = report.prediction === null ? `${report.machine.cpus} cores` : describeCores(report.prediction.cores);
  const past = pastTheKnee(medianSeries(pool), knee.size);
  return [
    `Use ${report.recommendation.text} on this machine (${cores}; ${format.clients(report.parameters.sizeClients)}).`,
    `It served ${format.perSecond(knee.requestsPerSecond)} req/s${medians}${knee.size === knee.best ? ', the best measured' : ''}.`,
    ...(past === null ? [] : [`More threads, ${past}.`]),
  ];
}

/** The noise guard, per point: a busy neighbour can bend a curve and move its knee. */
export function noiseSentence(report: SweepReport): string | null {
  const noisy = report.series.flatMap((series) =>
    series.points
      .filter(({ run }) => (run.neighbours.foreignCpuPercent ?? 0) > FOREIGN_CPU_LIMIT_PERCENT)
      .map(({ x, run }) => {
        const which = report.parameters.repeat > 1 ? ` run ${run.repetition}` : '';
        return `${pointName(series, x)}${which} (${format.percent(run.neighbours.foreignCpuPercent)})`;
      }),
  );
  if (noisy.length === 0) return null;
  return `Noise: other processes used more than ${FOREIGN_CPU_LIMIT_PERCENT}% of a core while these points were measured, so their figures may be off: ${noisy.join(', ')}.`;
}

/** Each point that could not be measured, with its reason: the curve goes on without it. */
function failedPoints(series: SweepSeries): string[] {
  const rest = series.points.length === 0 ? 'so the series has no measured point' : 'the series goes on without it';
  return series.failed.map(
    ({ x, repetition, reason }) =>
      `${pointName(series, x)} (run ${repetition}) could not be measured (${reason}); ${rest}.`,
  );
}

/** One series' sentences, on the medians of its points. */
export function seriesConclusions(measured: SweepSeries, report: SweepReport): string[] {
  const series = medianSeries(measured);
  return [
    ...failedPoints(series),
    ...(series.points.length === 0
      ? []
      : series.kind === 'size'
        ? sizeSentences(series, report)
        : clientSentences(series)),
  ];
}

/** Every sentence but the recommendation, which opens the report as its answer. */
export function conclusions(report: SweepReport): string[] {
  return [
    ...sizingSentences(report),
    ...report.series.flatMap((series) => seriesConclusions(series, report)),
    noiseSentence(report),
  ].filter((line): line is string => line !== null);
}
