// Every row against the baseline measured in the same run, with the three-outcome rule of
// stats/compare.ts: req/s, p50 latency and /health p99 as ratios with their intervals. One run per
// row: its window's estimates (rounds; order statistics); several (--repeat): the runs as replicates.
import { type Comparison, compare } from '../stats/compare.ts';
import { fromInterval, fromReplicates, type LogEstimate } from '../stats/log-estimate.ts';
import type { PercentileEstimate } from '../stats/order-statistics.ts';
import type { VariantRun } from './model.ts';

export type Metric = {
  readonly name: string;
  /** The figure of one run, for replicates. */
  readonly value: (run: VariantRun) => number | null;
  /** Its estimate from one window alone; null when the window cannot give one. */
  readonly window: (run: VariantRun) => LogEstimate | null;
};

/** A percentile with a two-sided interval, as a log estimate (its sample is large: normal df). */
function percentileEstimate(estimate: PercentileEstimate | null, units: number): LogEstimate | null {
  if (estimate === null || estimate.state !== 'interval') return null;
  return fromInterval(estimate.value, estimate.ci95, Number.POSITIVE_INFINITY, Math.max(1, units));
}

export const METRICS: readonly Metric[] = [
  { name: 'req/s', value: (run) => run.requestsPerSecond, window: (run) => run.requestsPerSecondEstimate },
  {
    name: 'p50 latency',
    value: (run) => run.latencyPercentiles.p50?.value ?? null,
    window: (run) => percentileEstimate(run.latencyPercentiles.p50, run.window.rounds),
  },
  {
    name: '/health p99',
    value: (run) => run.health.p99?.value ?? null,
    window: (run) => percentileEstimate(run.health.p99, run.window.rounds),
  },
];

/** A row's figure from its runs: one run's own window estimate, or several runs as replicates. */
export function estimateOf(runs: readonly VariantRun[], metric: Metric): LogEstimate | null {
  if (runs.length === 1) return metric.window(runs[0]!);
  const values = runs.map(metric.value);
  return values.every((value): value is number => value !== null) ? fromReplicates(values) : null;
}

/** A row's name in comparisons: the variant, and its engine when the run used more than one. */
const labelOf = (run: VariantRun, engines: number): string =>
  engines > 1 ? `${run.variant} (${run.engine.name})` : run.variant;

/** A row as a comparison takes it: its variant's name and every run of it (replicates with --repeat). */
export const groupRows = (group: { readonly variant: string; readonly runs: readonly VariantRun[] }) => ({
  label: group.variant,
  runs: group.runs,
});

/** The rows of `a` and `b` (one or several runs each) on one metric; null where either cannot be estimated. */
export function compareRows(
  a: { readonly label: string; readonly runs: readonly VariantRun[] },
  b: { readonly label: string; readonly runs: readonly VariantRun[] },
  metric: Metric,
  margin: number,
): Comparison | null {
  const [ea, eb] = [estimateOf(a.runs, metric), estimateOf(b.runs, metric)];
  if (ea === null || eb === null) return null;
  return compare({ label: a.label, estimate: ea }, { label: b.label, estimate: eb }, { metric: metric.name, margin });
}

/** Each row (all its runs) against the baseline's, metric by metric; a metric either side cannot estimate is left out. */
export function comparisonsOf(runs: readonly VariantRun[], baseline: string, margin: number): Comparison[] {
  const engines = new Set(runs.map((run) => run.engine.name)).size;
  const groups = new Map<string, VariantRun[]>();
  for (const run of runs) groups.set(labelOf(run, engines), [...(groups.get(labelOf(run, engines)) ?? []), run]);
  const comparisons: Comparison[] = [];
  for (const [label, group] of groups) {
    const engine = group[0]!.engine.name;
    const base = [...groups].find(([, rows]) => rows[0]!.variant === baseline && rows[0]!.engine.name === engine);
    if (base === undefined || base[0] === label) continue;
    for (const metric of METRICS) {
      const comparison = compareRows({ label: base[0], runs: base[1] }, { label, runs: group }, metric, margin);
      if (comparison !== null) comparisons.push(comparison);
    }
  }
  return comparisons;
}
