// What a sweep concludes about the pool, computed from its points: each size series' knee and
// contention verdict (size-verdict.ts), the Universal Scalability Law fitted to the pool's sizes,
// weighted by their spread, checked against the cores' ceiling and bootstrapped from that spread,
// and the recommendation. Pure: the same points always give the same conclusions.
import type { Provenance } from '../report/model.ts';
import { groupOf } from '../report/runs.ts';
import { KNEE_CONFIDENCE, KNEE_TOLERANCE } from '../sizing/plateau-knee.ts';
import { bootstrapUsl } from '../sizing/usl-bootstrap.ts';
import { checkUsl } from '../sizing/usl-check.ts';
import { weightedPoints } from '../sizing/usl-weights.ts';
import { fitUsl } from '../sizing/usl.ts';
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
import { pointEstimates, sizeVerdict } from './size-verdict.ts';

/** One point per x: each figure the median over its repetitions (the run nearest it for the rest). */
export function medianSeries(series: SweepSeries): SweepSeries {
  const xs = [...new Set(series.points.map((point) => point.x))].sort((a, b) => a - b);
  const points = xs.map((x) => {
    const runs = series.points.filter((point) => point.x === x).map((point) => point.run);
    return { x, run: groupOf(series.variant, runs).summary };
  });
  return { ...series, points };
}

const isPool = (one: { readonly kind?: string; readonly axis: string; readonly variant: string }): boolean =>
  one.axis === '--pool-size' && one.variant === 'pool';

/** The series a recommendation is about: the pool over its sizes. */
export const poolSeries = (series: readonly SweepSeries[]): SweepSeries | undefined =>
  series.find((one) => one.kind === 'size' && isPool(one) && one.points.length > 0);

/** The pool's knee, when the sweep measured the pool. */
export const poolKnee = (report: Pick<SweepReport, 'knees'>): MeasuredKnee | undefined => report.knees.find(isPool);

/** Infinity (no peak: κ = 0) as null, which JSON can hold. */
const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The fit of one point per size, weighted, checked and bootstrapped; or why it cannot be fitted. */
export function uslSummary(series: SweepSeries): UslSummary | UslUnfit {
  const estimates = pointEstimates(series);
  const measured = estimates.flatMap(({ x, estimate }) =>
    estimate === null ? [] : [{ n: x, throughput: estimate.value, logSe: estimate.logSe, df: estimate.df }],
  );
  const unestimated = estimates.filter((point) => point.estimate === null).map((point) => point.x);
  // A size without a spread cannot be weighed: then every size counts alike, on its median.
  const weighted = unestimated.length === 0 ? weightedPoints(measured) : null;
  const why =
    unestimated.length > 0
      ? `${series.axis} ${unestimated.join(', ')} had no interval`
      : 'no size had any spread to weigh the fit by';
  const fit = fitUsl(weighted ?? estimates.map(({ x, median }) => ({ n: x, throughput: median })));
  if (fit.state !== 'fitted') return { state: 'unfit', reason: fit.reason };
  const check =
    weighted === null
      ? ({ state: 'unchecked', reason: why } as const)
      : checkUsl(
          weighted,
          fit.weightedSse,
          measured.reduce((sum, point) => sum + point.df, 0),
        );
  const boot = weighted === null ? ({ state: 'not-bootstrapped', reason: why } as const) : bootstrapUsl(fit, weighted);
  return {
    state: 'fitted',
    sigma: fit.sigma,
    kappa: fit.kappa,
    lambda: fit.lambda,
    peakN: finiteOrNull(fit.peakN),
    rSquared: fit.rSquared,
    points: fit.points,
    weighted: weighted !== null,
    check,
    kappaIsCoherency: check.state === 'checked' && check.uslBetter,
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
/** "96%": a share, rounded down so that it never claims more than was shown; at most 100%. */
export const shareText = (ratio: number): string => `${Math.min(100, Math.floor(ratio * 100))}%`;
export const runsText = (count: number): string => (count === 1 ? '1 run per size' : `${count} runs per size`);

export function recommend(found: MeasuredKnee, prediction: SweepPrediction | null): Recommendation {
  const basis = found.shown
    ? `≥ ${shareText(found.lowerBound)} of the plateau's req/s at ${KNEE_CONFIDENCE * 100}% confidence, ${runsText(found.repetitions)}`
    : `the best measured: no size was shown within ${KNEE_TOLERANCE * 100}% of the plateau with ${runsText(found.repetitions)}`;
  const predicted =
    prediction === null
      ? ''
      : `; predicted ${prediction.knee} from C = ${msText(prediction.calibration.computeMs)} ms under load, W = ${msText(prediction.calibration.waitMs)} ms, ${coresText(prediction.cores.effective)} cores`;
  return {
    poolSize: found.size,
    shown: found.shown,
    predictedKnee: prediction?.knee ?? null,
    text: `\`--pool-size ${found.size}\` (${basis}${predicted})`,
  };
}

/** The report of measured series: the knees, verdicts, fit and recommendation computed from their points. */
export function sweepReportOf(
  provenance: Provenance,
  parameters: SweepReport['parameters'],
  prediction: SweepPrediction,
  series: readonly SweepSeries[],
): SweepReport {
  const verdicts = series.flatMap((one) => {
    const verdict = one.kind === 'size' ? sizeVerdict(one, parameters.equivalenceMargin) : null;
    return verdict === null ? [] : [verdict];
  });
  const knees = verdicts.map((verdict) => verdict.knee);
  const pool = poolSeries(series);
  const knee = poolKnee({ knees });
  return {
    formatVersion: SWEEP_FORMAT_VERSION,
    ...provenance,
    parameters,
    prediction,
    predictedKnee: prediction.knee,
    knees,
    comparisons: verdicts.flatMap((verdict) => (verdict.contention === null ? [] : [verdict.contention])),
    usl: pool === undefined ? null : uslSummary(pool),
    recommendation: knee === undefined ? null : recommend(knee, prediction),
    series,
  };
}
