// Grouping a report's runs by variant, for reports measured with --repeat.
import type { Report, VariantRun } from './model.ts';

export interface VariantGroup {
  readonly variant: string;
  /** One per repetition, in the order measured. */
  readonly runs: readonly VariantRun[];
  /** The run with the median req/s (the lower one of an even count): what sentences describe. */
  readonly median: VariantRun;
}

export function groupByVariant(report: Report): VariantGroup[] {
  const order: string[] = [];
  const byVariant = new Map<string, VariantRun[]>();
  for (const run of report.runs) {
    if (!byVariant.has(run.variant)) order.push(run.variant);
    byVariant.set(run.variant, [...(byVariant.get(run.variant) ?? []), run]);
  }
  return order.map((variant) => {
    const runs = byVariant.get(variant)!;
    const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    return { variant, runs, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
  });
}
