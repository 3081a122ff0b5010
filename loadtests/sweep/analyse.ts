// What a sweep concludes about the pool, computed from its points: the measured knee (on the
// medians over repetitions, with its range over the single repetitions), the Universal
// Scalability Law fitted to every repetition's points with bootstrap intervals, and the
// recommendation with its uncertainty. Pure: the same points always give the same conclusions.
import { bootstrapUsl } from '../sizing/usl-bootstrap.ts';
import { fitUsl, type UslPoint } from '../sizing/usl.ts';
import { groupOf } from '../report/runs.ts';
import { knee, type SizePoint } from './knee.ts';
import type { Provenance } from '../report/model.ts';
import {
  type MeasuredKnee,
  type Recommendation,
  SWEEP_FORMAT_VERSION,
  type SweepPrediction,
  type SweepReport,
  type SweepSeries,
  type UslSummary,
  type UslUnfit,
} from './model.ts';

/** One point per x: each figure the median over its repetitions (the run nearest it for the rest). */
export function medianSeries(series: SweepSeries): SweepSeries {
  const xs = [...new Set(series.points.map((point) => point.x))].sort((a, b) => a - b);
  const points = xs.map((x) => {
    const runs = series.points.filter((point) => point.x === x).map((point) => point.run);
    return { x, run: groupOf(series.variant, runs).summary };
  });
  return { ...series, points };
}

/** The series a recommendation is about: the pool over its sizes. */
export const poolSeries = (series: readonly SweepSeries[]): SweepSeries | undefined =>
  series.find((one) => one.kind === 'size' && one.axis === '--pool-size' && one.points.length > 0);

const sizePoint = (x: number, requestsPerSecond: number): SizePoint => ({
  size: x,
  requestsPerSecond,
  p99Ms: null,
  healthP99Ms: null,
  residentBytes: null,
});

/** Each repetition's points, in the order of the repetitions. */
function byRepetition(series: SweepSeries): SizePoint[][] {
  const repetitions = [...new Set(series.points.map((point) => point.run.repetition))].sort((a, b) => a - b);
  return repetitions.map((repetition) =>
    series.points
      .filter((point) => point.run.repetition === repetition)
      .map((point) => sizePoint(point.x, point.run.requestsPerSecond)),
  );
}

export function measuredKnee(series: SweepSeries): MeasuredKnee {
  const medians = medianSeries(series).points.map((point) => sizePoint(point.x, point.run.requestsPerSecond));
  const atMedians = knee(medians);
  const knees = byRepetition(series).map((points) => knee(points).size);
  return {
    size: atMedians.size,
    requestsPerSecond: atMedians.requestsPerSecond,
    range: { low: Math.min(...knees), high: Math.max(...knees) },
    repetitions: knees.length,
  };
}

/** Infinity (no peak: κ = 0) as null, which JSON can hold. */
const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The fit and its intervals, or why the points cannot be fitted (fewer than 3 sizes). */
export function uslSummary(series: SweepSeries): UslSummary | UslUnfit {
  const toUsl = (points: readonly SizePoint[]): UslPoint[] =>
    points.map((point) => ({ n: point.size, throughput: point.requestsPerSecond }));
  const repetitions = byRepetition(series).map(toUsl);
  const fit = fitUsl(repetitions.flat());
  if (fit.state !== 'fitted') return { state: 'unfit', reason: fit.reason };
  const boot = bootstrapUsl(repetitions);
  return {
    state: 'fitted',
    sigma: fit.sigma,
    kappa: fit.kappa,
    lambda: fit.lambda,
    peakN: finiteOrNull(fit.peakN),
    rSquared: fit.rSquared,
    points: fit.points,
    intervals:
      boot.state === 'bootstrapped'
        ? {
            sigma: boot.sigma,
            kappa: boot.kappa,
            peakN: { low: finiteOrNull(boot.peakN.low), high: finiteOrNull(boot.peakN.high) },
            resamples: boot.fitted,
          }
        : null,
    intervalsMissing: boot.state === 'bootstrapped' ? null : boot.reason,
  };
}

/** "22", or "2.2" below 10: a predicted knee is not a whole number. */
export const kneeText = (value: number): string => (value < 10 ? value.toFixed(1) : value.toFixed(0));
/** Up to two decimals: 2, 1.5. */
const coresText = (count: number): string => String(Math.round(count * 100) / 100);
const msText = (value: number): string => (value < 10 ? value.toFixed(1) : value.toFixed(0));

export function recommend(found: MeasuredKnee, prediction: SweepPrediction | null): Recommendation {
  const { low, high } = found.range;
  const runs = found.repetitions === 1 ? '1 run' : `${found.repetitions} runs`;
  const range = low === high ? `knee ${low} in ${runs}` : `knee ${low}–${high} over ${runs}`;
  const predicted =
    prediction === null
      ? ''
      : `; predicted ${prediction.knee} from C = ${msText(prediction.calibration.computeMs)} ms under load, W = ${msText(prediction.calibration.waitMs)} ms, ${coresText(prediction.cores.effective)} cores`;
  return {
    poolSize: found.size,
    kneeRange: found.range,
    predictedKnee: prediction?.knee ?? null,
    text: `\`--pool-size ${found.size}\` (${range}${predicted})`,
  };
}

/** The report of measured series: the knee, the fit and the recommendation computed from their points. */
export function sweepReportOf(
  provenance: Provenance,
  parameters: SweepReport['parameters'],
  prediction: SweepPrediction,
  series: readonly SweepSeries[],
): SweepReport {
  const pool = poolSeries(series);
  const knee = pool === undefined ? null : measuredKnee(pool);
  return {
    formatVersion: SWEEP_FORMAT_VERSION,
    ...provenance,
    parameters,
    prediction,
    predictedKnee: prediction.knee,
    measuredKnee: knee,
    usl: pool === undefined ? null : uslSummary(pool),
    recommendation: knee === null ? null : recommend(knee, prediction),
    series,
  };
}
