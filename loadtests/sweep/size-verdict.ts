// What a size series says, from each size's runs: its knee (the smallest size shown within 5% of
// the plateau) and the contention verdict, the largest size against the knee by the three-outcome
// comparison: fell or rose ("differs"), "equivalent" within the margin, or "inconclusive" with the
// runs it would still need. Pure: the same points always give the same verdict.
import { plateauKnee } from '../sizing/plateau-knee.ts';
import { compare, type Comparison } from '../stats/compare.ts';
import { estimateOf, METRICS } from '../report/comparisons.ts';
import type { LogEstimate } from '../stats/log-estimate.ts';
import { midpointMedian } from '../stats/percentile.ts';
import type { MeasuredKnee, SweepSeries } from './model.ts';
import { pointName } from './point-name.ts';

export interface PointEstimate {
  readonly x: number;
  /** The median req/s over the size's runs, as the tables show it. */
  readonly median: number;
  readonly runs: number;
  /** From the runs (two or more), else from the one run's interval; null without either. */
  readonly estimate: LogEstimate | null;
}

/** Each x's req/s as a log estimate, in the order of x. */
export function pointEstimates(series: SweepSeries): PointEstimate[] {
  const xs = [...new Set(series.points.map((point) => point.x))].sort((a, b) => a - b);
  return xs.map((x) => {
    const runs = series.points.filter((point) => point.x === x).map((point) => point.run);
    const rates = runs.map((run) => run.requestsPerSecond);
    const estimate = estimateOf(runs, METRICS[0]!);
    return { x, median: midpointMedian(rates), runs: runs.length, estimate };
  });
}

export interface SizeVerdict {
  readonly knee: MeasuredKnee;
  /** The largest size against the knee (b ÷ a); null when the knee is the largest size. */
  readonly contention: Comparison | null;
}

type Estimated = PointEstimate & { readonly estimate: LogEstimate };

/** null when no size has an estimate (single runs without an interval). */
export function sizeVerdict(series: SweepSeries, margin: number): SizeVerdict | null {
  const all = pointEstimates(series);
  const points = all.filter((point): point is Estimated => point.estimate !== null);
  if (points.length === 0) return null;
  const found = plateauKnee(
    points.map(({ x, estimate }) => ({ size: x, estimate })),
    margin,
  );
  const at = (size: number): Estimated => points.find((point) => point.x === size)!;
  const kneePoint = at(found.size);
  const largest = points[points.length - 1]!;
  const named = (point: Estimated) => ({ label: pointName(series, point.x), estimate: point.estimate });
  return {
    knee: {
      variant: series.variant,
      axis: series.axis,
      size: found.size,
      requestsPerSecond: kneePoint.median,
      shown: found.shown,
      lowerBound: found.ratios.find((ratio) => ratio.size === found.size)!.lowerBound,
      best: found.best,
      plateau: { sizes: found.plateau.sizes, requestsPerSecond: found.plateau.value },
      ratios: found.ratios,
      unestimated: all.filter((point) => point.estimate === null).map((point) => point.x),
      repetitions: Math.max(...points.map((point) => point.runs)),
    },
    contention: largest.x > found.size ? compare(named(kneePoint), named(largest), { metric: 'req/s', margin }) : null,
  };
}
