// Rows that could not be measured: the run goes on without them and still writes its report, then
// exits 1 naming each. Only a scenario where nothing at all could be measured writes no report.
import * as format from './report/format.ts';
import type { FailedRun, ReportRow } from './report/model.ts';

/** Exit code of a run that had a failed row (or broke otherwise): see README, "Exit status". */
export const EXIT_ROW_FAILED = 1;

const isFailed = (row: ReportRow): row is FailedRun => row.state === 'failed';

/** Whether a report can be written: at least one row was measured. */
export function anyMeasured(rows: readonly ReportRow[]): boolean {
  return rows.some((row) => row.state === 'measured');
}

/**
 * One line about the failed rows, or null when every row was measured. When nothing was measured
 * it is each reason once (the run's own error); otherwise it names each failed row.
 */
export function failedRowsLine(rows: readonly ReportRow[]): string | null {
  const failed = rows.filter(isFailed);
  if (failed.length === 0) return null;
  if (!anyMeasured(rows)) return [...new Set(failed.map((row) => row.reason))].join('; ');
  const repeated = rows.some((row) => row.repetition > 1);
  const named = failed.map((row) => `${row.variant}${repeated ? ` (run ${row.repetition})` : ''}: ${row.reason}`);
  const verb = failed.length === 1 ? 'is' : 'are';
  return `${format.plural(failed.length, 'row')} could not be measured and ${verb} marked failed in the report: ${named.join('; ')}`;
}
