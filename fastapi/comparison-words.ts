// The claim's comparison in words: the one wording of a comparison (document/phrases.ts), the runs
// it rests on, and why an open one cannot be settled by more runs (one run, a censored bystander).
import type { ReplicateComparison } from '../loadtests/decide/replicates.ts';
import { comparisonSentence } from '../loadtests/document/phrases.ts';
import { PROBE_TIMEOUT_MS } from '../loadtests/observe/health-probe.ts';
import * as format from '../loadtests/report/format.ts';

function needs(comparison: ReplicateComparison, fewestRuns: number): string {
  if (comparison.outcome !== 'inconclusive') return '';
  if (fewestRuns < 2) return '; one run has no spread: a second run of each is the least a decision needs';
  if (comparison.censored.length > 0 && comparison.moreRounds === null)
    return `; /health went unanswered for ${PROBE_TIMEOUT_MS / 1000} s or more beside ${comparison.censored.map((side) => `\`${side}\``).join(' and ')} (a lower bound), so no count of runs decides`;
  return '';
}

/** "`async def` served 1.06× [1.02–1.10] `def`'s req/s: differs, over 3 and 3 runs", or open with what it needs. */
export function comparisonWords(comparison: ReplicateComparison, runs: { asyncDef: number; def: number }): string {
  const over = `over ${runs.asyncDef} and ${format.plural(runs.def, 'run')}`;
  const fewest = Math.min(runs.asyncDef, runs.def);
  // One run has no spread: "a second run is the least" says more than a count taken from no spread.
  const shown = {
    ...comparison,
    a: `\`${comparison.a}\``,
    b: `\`${comparison.b}\``,
    ...(fewest < 2 ? { moreRounds: null } : {}),
  };
  return `${comparisonSentence(shown, 'run')}, ${over}${needs(comparison, fewest)}`;
}
