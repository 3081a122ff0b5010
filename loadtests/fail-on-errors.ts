// --fail-on-errors: turns failed requests into a failed run. Off by default, so that overload can
// be studied; the findings flag failures either way.
import type { VariantRun } from './report/model.ts';

/** Exit code of a run that measured fine but had more failed requests than allowed. */
export const EXIT_TOO_MANY_FAILED = 2;

export function failedRequests(run: VariantRun): number {
  return run.errors + run.timeouts + run.non2xx;
}

/** One line naming every variant past the threshold, or null when none is (or no threshold is set). */
export function tooManyFailed(runs: readonly VariantRun[], threshold: number | null): string | null {
  if (threshold === null) return null;
  const over = runs.filter((run) => failedRequests(run) > threshold);
  if (over.length === 0) return null;
  const list = over.map((run) => `${run.variant} had ${failedRequests(run)}`).join(', ');
  return `${list} failed requests (errors + timeouts + non-2xx), more than --fail-on-errors ${threshold}`;
}
