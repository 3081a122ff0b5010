// The sweep report's sentences, each computed from its points.
import { sampleSize } from '../report/answer-findings.ts';
import { FOREIGN_CPU_LIMIT_PERCENT } from '../report/findings.ts';
import { describeCores } from '../../server/cores.ts';
import * as format from '../report/format.ts';
import { medianSeries, poolSeries } from './analyse.ts';
import { KNEE_TOLERANCE, sizeVerdict, type SizePoint } from './knee.ts';
import type { SweepReport, SweepSeries } from './model.ts';
import { sizingSentences } from './sizing-sentences.ts';

export function sizePoints(series: SweepSeries): SizePoint[] {
  return series.points.map(({ x, run }) => ({
    size: x,
    requestsPerSecond: run.requestsPerSecond,
    p99Ms: run.latencyMs?.p99 ?? null,
    healthP99Ms: run.health.latencyMs?.p99 ?? null,
    residentBytes: run.server.residentBytes,
  }));
}

const tolerance = `${(KNEE_TOLERANCE * 100).toFixed(0)}%`;
const change = (from: number | null, to: number | null, show: (n: number) => string): string =>
  from === null || to === null ? 'not measured' : `${show(from)} → ${show(to)}`;
const msText = (value: number): string => `${format.ms(value)} ms`;

/** How sentences and the noise guard name a point: "pool --pool-size 4", "inline at 8 clients". */
export function pointName(series: SweepSeries, x: number): string {
  return series.kind === 'size' ? `${series.variant} ${series.axis} ${x}` : `${series.variant} at ${format.clients(x)}`;
}

/** Below this many requests' width, the knee's band is within counting noise. */
const MIN_BAND_REQUESTS = 5;

/** What the swept size counts: cluster's --workers are processes, the other sizes threads. */
const unitsOf = (axis: string): string => (axis === '--workers' ? 'processes' : 'threads');

/**
 * How few requests a series' points rest on, at its smallest point: the loadtest report's sentence,
 * and for a size series how wide the knee's band is there, in requests.
 */
function sampleCaveat(series: SweepSeries): string {
  const fewest = series.points.reduce((low, point) => (point.run.requests < low.run.requests ? point : low));
  const where = pointName(series, fewest.x);
  const { requests } = fewest.run;
  if (requests === 0) return `${where} served no request, so its point has no latency figures.`;
  if (series.kind !== 'size') return sampleSize(where, requests);
  // A difference of a request or two can move a point across a band this narrow.
  const band = KNEE_TOLERANCE * requests;
  const hint = band < MIN_BAND_REQUESTS ? ', so read the knee and the contention verdict as a hint' : '';
  return `${sampleSize(where, requests)} The ${tolerance} band the knee and the contention claim use is ${band.toFixed(1)} requests wide there${hint}.`;
}

function sizeSentences(series: SweepSeries): string[] {
  const { knee, best, largest, fellAt, lowOnlyAtLargest } = sizeVerdict(sizePoints(series));
  const axis = series.axis;
  const more = `more ${unitsOf(axis)}`;
  const lines = [`${series.variant}: the knee is ${axis} ${knee.size}: ${againstBest(knee, best)}.`];
  if (largest.size > knee.size) {
    lines.push(
      `${series.variant} from ${axis} ${knee.size} to ${largest.size}: req/s ${change(knee.requestsPerSecond, largest.requestsPerSecond, format.perSecond)}, ` +
        `p99 ${change(knee.p99Ms, largest.p99Ms, msText)}, /health p99 ${change(knee.healthP99Ms, largest.healthP99Ms, msText)}, ` +
        `memory ${change(knee.residentBytes, largest.residentBytes, format.mebibytes)}.`,
    );
  }
  lines.push(
    lowOnlyAtLargest !== null
      ? `${series.variant}: only the largest size, ${axis} ${lowOnlyAtLargest.size}, fell below ${100 - KNEE_TOLERANCE * 100}% of the best (${format.perSecond(lowOnlyAtLargest.requestsPerSecond)} vs ${format.perSecond(best.requestsPerSecond)} req/s at ${best.size}): one point, so the contention claim is neither confirmed nor refuted here.`
      : fellAt === null
        ? `${series.variant}: ${more} did not cost throughput: req/s stayed within ${tolerance} of the best up to ${axis} ${largest.size} (${format.perSecond(largest.requestsPerSecond)} vs ${format.perSecond(best.requestsPerSecond)}), so the contention claim is refuted up to ${largest.size} on this machine.`
        : `${series.variant}: ${more} cost throughput from ${axis} ${fellAt.size} on: ${format.perSecond(fellAt.requestsPerSecond)} req/s there, and every larger size stayed below ${100 - KNEE_TOLERANCE * 100}% of the best (${format.perSecond(best.requestsPerSecond)} at ${best.size}), so the contention claim holds from ${fellAt.size} on this machine.`,
  );
  lines.push(sampleCaveat(series));
  return lines;
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

/** "31.9 req/s, within 5% of the best measured (32.6 at 8)", or "…, the best measured" when it is. */
function againstBest(point: SizePoint, best: SizePoint, medians = ''): string {
  const rate = `${format.perSecond(point.requestsPerSecond)} req/s${medians}`;
  return point.size === best.size
    ? `${rate}, the best measured`
    : `${rate}, within ${tolerance} of the best measured (${format.perSecond(best.requestsPerSecond)} at ${best.size})`;
}

/** The pool's knee as a flag to pass, why, and what more threads cost; empty when no pool was swept. */
export function recommendationLines(report: SweepReport): string[] {
  const pool = poolSeries(report.series);
  if (pool === undefined || report.recommendation === null) return [];
  const { knee, best, largest } = sizeVerdict(sizePoints(medianSeries(pool)));
  const medians = report.parameters.repeat > 1 ? ' (medians over the runs)' : '';
  const cores = report.prediction === null ? `${report.machine.cpus} cores` : describeCores(report.prediction.cores);
  return [
    `Use ${report.recommendation.text} on this machine (${cores}; ${format.clients(report.parameters.sizeClients)}).`,
    `It served ${againstBest(knee, best, medians)}.`,
    ...(largest.size > knee.size
      ? [
          `More threads, ${knee.size} → ${largest.size}: req/s ${change(knee.requestsPerSecond, largest.requestsPerSecond, format.perSecond)}, p99 ${change(knee.p99Ms, largest.p99Ms, msText)}, memory ${change(knee.residentBytes, largest.residentBytes, format.mebibytes)}.`,
        ]
      : []),
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
export function seriesConclusions(measured: SweepSeries): string[] {
  const series = medianSeries(measured);
  return [
    ...failedPoints(series),
    ...(series.points.length === 0 ? [] : series.kind === 'size' ? sizeSentences(series) : clientSentences(series)),
  ];
}

export function conclusions(report: SweepReport): string[] {
  return [...sizingSentences(report), ...report.series.flatMap(seriesConclusions), noiseSentence(report)].filter(
    (line): line is string => line !== null,
  );
}
