// A report's rows grouped by variant: its measured runs (several with --repeat), its failed ones,
// the run the per-run views show, and the summary run whose figures tables and sentences share.
import type { FailedRun, Report, ReportRow, VariantRun } from './model.ts';
import { summaryRun } from './summary.ts';

/** A variant with at least one measured run. */
export interface VariantGroup {
  readonly state: 'measured';
  readonly variant: string;
  /** One per measured repetition, in the order measured. */
  readonly runs: readonly VariantRun[];
  /** Its repetitions that could not be measured. */
  readonly failures: readonly FailedRun[];
  /** The run whose req/s is nearest the median (the earlier on a tie): timelines, clients, processes. */
  readonly shown: VariantRun;
  /** Each figure's median over the runs (see summary.ts): what the tables' first number and the sentences say. */
  readonly summary: VariantRun;
}

/** A variant none of whose repetitions could be measured. */
export interface FailedVariant {
  readonly state: 'failed';
  readonly variant: string;
  readonly failures: readonly FailedRun[];
}

export type RowGroup = VariantGroup | FailedVariant;

export const isMeasured = (row: ReportRow): row is VariantRun => row.state === 'measured';

export function measuredRuns(report: Report): VariantRun[] {
  return report.runs.filter(isMeasured);
}

/** The run nearest the median req/s of `runs` (non-empty). */
function nearestMedian(runs: readonly VariantRun[], median: number): VariantRun {
  const distance = (run: VariantRun): number => Math.abs(run.requestsPerSecond - median);
  return runs.reduce((best, run) => (distance(run) < distance(best) ? run : best));
}

/** One group of measured runs, e.g. a sweep point, or a variant of a report. */
export function groupOf(
  variant: string,
  runs: readonly VariantRun[],
  failures: readonly FailedRun[] = [],
): VariantGroup {
  const summary = summaryRun(runs, (median) => nearestMedian(runs, median));
  return { state: 'measured', variant, runs, failures, shown: summary.shown, summary: summary.run };
}

/** Every variant in the order first measured, failed ones included. */
export function rowGroups(report: Report): RowGroup[] {
  const byVariant = new Map<string, ReportRow[]>();
  for (const row of report.runs) byVariant.set(row.variant, [...(byVariant.get(row.variant) ?? []), row]);
  return [...byVariant].map(([variant, rows]): RowGroup => {
    const runs = rows.filter(isMeasured);
    const failures = rows.filter((row): row is FailedRun => row.state === 'failed');
    return runs.length === 0 ? { state: 'failed', variant, failures } : groupOf(variant, runs, failures);
  });
}

/** The variants with at least one measured run. */
export function groupByVariant(report: Report): VariantGroup[] {
  return rowGroups(report).filter((group): group is VariantGroup => group.state === 'measured');
}

/** The baseline's summary run: ratios divide by its median req/s. */
export function baselineRun(report: Report): VariantRun | undefined {
  return groupByVariant(report).find((group) => group.variant === report.baseline)?.summary;
}
