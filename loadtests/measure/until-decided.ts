// `loadtest --until-decided`: the scenario's rows again and again, forward then backward (A B C,
// C B A…) so a drift of the machine falls on all alike, until every variant's req/s against the
// first variant's is decided (differs or equivalent) or the next block would pass --max-duration.
// Each row's runs are its replicates; each look spreads the error (decide/stopping.ts).
import { REPEAT_RANGE } from '../cli/common-flags.ts';
import { blockOrder } from '../decide/abba.ts';
import { compareReplicates, type ReplicateComparison } from '../decide/replicates.ts';
import { looksOf, type SequentialResult, stopLine, untilDecided } from '../decide/stopping.ts';
import { comparisonSentence } from '../document/phrases.ts';
import type { PlannedScenario } from '../options.ts';
import type { ReportRow, VariantRun } from '../report/model.ts';
import { runScenario, type ScenarioContext } from './run-scenario.ts';

/** Every row's req/s runs against the first row's (b ÷ a), in the order the rows were first measured. */
export function againstFirst(rows: readonly ReportRow[], looks: number): ReplicateComparison[] {
  const measured = rows.filter((row): row is VariantRun => row.state === 'measured');
  const labels = [...new Set(rows.map((row) => row.variant))];
  const runsOf = (label: string) => ({
    label,
    values: measured.filter((row) => row.variant === label).map((row) => row.requestsPerSecond),
  });
  const [first, ...others] = labels;
  if (first === undefined) return [];
  return others.map((label) => compareReplicates(runsOf(first), runsOf(label), { metric: 'req/s', looks }));
}

export type UntilDecidedResult = SequentialResult<ReportRow> & { readonly comparisons: readonly ReplicateComparison[] };

export async function runUntilDecided(plan: PlannedScenario, context: ScenarioContext): Promise<UntilDecidedResult> {
  const started = performance.now();
  const result = await untilDecided<ReportRow>({
    runBlock: async (block) => {
      const rows = await runScenario(
        { ...plan, variants: blockOrder(plan.variants, block) },
        { ...context, options: { ...context.options, repeat: 1 } },
      );
      return rows.map((row) => ({ ...row, repetition: block + 1 }));
    },
    compareAll: (rows, looks) => againstFirst(orderedLike(rows, plan.variants), looks),
    bound: { maxBlocks: REPEAT_RANGE.max, maxSeconds: context.options.maxDurationSeconds },
    elapsedSeconds: () => (performance.now() - started) / 1000,
  });
  // The same comparisons the last look made, kept with their censoring field for the report.
  return { ...result, comparisons: againstFirst(orderedLike(result.rows, plan.variants), looksOf(REPEAT_RANGE.max)) };
}

/** Rows sorted by their variant's place in the plan (stable), so "the first" is the plan's first. */
function orderedLike(rows: readonly ReportRow[], variants: readonly string[]): ReportRow[] {
  const place = (row: ReportRow) => {
    const index = variants.findIndex((variant) => row.variant === variant || row.variant.startsWith(`${variant} `));
    return index === -1 ? variants.length : index;
  };
  return [...rows].sort((a, b) => place(a) - place(b));
}

/** The report's notes on such a run: how it stopped, then each comparison. */
export function untilDecidedLines(result: UntilDecidedResult): string[] {
  return [
    `--until-decided: ${stopLine(result.stop)}`,
    ...result.comparisons.map((comparison) => comparisonSentence(comparison, 'run')),
  ];
}
