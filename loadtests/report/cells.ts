// Cells of the report's tables, one run's figure or the median [min–max] over --repeat runs: how
// each kind of figure is shown when it is missing, not measured, or only a bound.
import * as format from './format.ts';
import type { PercentileEstimate } from './figures.ts';
import { percentileCell } from './latency-summary.ts';
import type { VariantRun } from './model.ts';
import type { VariantGroup } from './runs.ts';
import { midpointMedian } from '../stats/percentile.ts';

/** Median [min–max] of a figure over the runs (the summary run's figure first); `missing` where no run has it. */
export function spread(
  value: (run: VariantRun) => number | null,
  show: (n: number) => string,
  missing = format.MISSING,
): (group: VariantGroup) => string {
  return (group) => {
    const values = group.runs.map(value).filter((v): v is number => v !== null);
    if (values.length === 0) return missing;
    const [low, high] = [show(Math.min(...values)), show(Math.max(...values))];
    return low === high ? low : `${show(midpointMedian(values))} [${low}–${high}]`;
  };
}

/** p99 as far as each run's sample knows it: a bound below 368 answers (latency-summary.ts). */
export function p99Cell(
  group: VariantGroup,
  estimate: (run: VariantRun) => PercentileEstimate | null,
  ms: Figure,
): string {
  return percentileCell(group.runs.map(estimate), () => spread(ms, format.ms)(group), format.ms);
}
export type Figure = (run: VariantRun) => number | null;

/** A figure null because it could not be measured there: "not measured", never 0 or n/a. */
export const measured = (value: (run: VariantRun) => number | null, show: (n: number) => string) =>
  spread(value, show, format.NOT_MEASURED);

/** A /stats figure that is null where it does not apply (no pool): n/a, or "not measured" on a target without /stats. */
export function fromStats(
  value: (run: VariantRun) => number | null,
  show: (n: number) => string,
): (group: VariantGroup) => string {
  return (group) =>
    group.shown.target !== null && !group.shown.target.hasStats ? format.NOT_MEASURED : spread(value, show)(group);
}

/** A count per run, like every other cell (with --repeat the header says "per run"). */
export const counted = (value: (run: VariantRun) => number) => spread(value, format.count);
