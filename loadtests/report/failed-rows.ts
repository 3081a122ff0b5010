// The findings about rows that could not be measured: each is named with its reason, so a report
// that skips a variant's figures still says which variant and why.
import * as format from './format.ts';
import type { FailedRun, Report } from './model.ts';
import { rowGroups } from './runs.ts';

/** "run 2: <reason>", or the reason alone when the variant ran once. */
function reasons(failures: readonly FailedRun[], repeat: number): string {
  return failures.map((run) => (repeat > 1 ? `run ${run.repetition}: ${run.reason}` : run.reason)).join('; ');
}

export function failedRowFindings(report: Report): string[] {
  const { repeat } = report.parameters;
  return rowGroups(report).flatMap((group) => {
    if (group.failures.length === 0) return [];
    const why = reasons(group.failures, repeat);
    if (group.state === 'failed') {
      const when = repeat > 1 ? ` in each of its ${repeat} runs` : '';
      return [`${group.variant} could not be measured${when} (${why}), so it has no figures here.`];
    }
    const rest = format.plural(group.runs.length, 'run');
    return [
      `${group.variant} could not be measured in ${group.failures.length} of its ${repeat} runs (${why}); its figures come from the other ${rest}.`,
    ];
  });
}
