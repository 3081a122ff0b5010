// The claim's comparison in words (decide/words.ts's, with the runs it rests on and a censored
// bystander's reason). Pure: a comparison in, a clause out.
import type { ReplicateComparison } from '../loadtests/decide/replicates.ts';
import { moreRunsWords, outcomeWords, ratioInterval } from '../loadtests/decide/words.ts';
import { PROBE_TIMEOUT_MS } from '../loadtests/observe/health-probe.ts';
import * as format from '../loadtests/report/format.ts';

function needs(comparison: ReplicateComparison, fewestRuns: number): string {
  if (fewestRuns < 2) return '; one run has no spread: a second run of each is the least a decision needs';
  if (comparison.censored.length > 0 && comparison.moreRounds === null)
    return `; /health went unanswered for ${PROBE_TIMEOUT_MS / 1000} s or more beside ${comparison.censored.map((side) => `\`${side}\``).join(' and ')} (a lower bound), so no count of runs decides`;
  return moreRunsWords(comparison);
}

/** "0.77× `async def`'s req/s [0.70–0.85×] over 3 and 3 runs: differs" (b ÷ a), or inconclusive with what it needs. */
export function comparisonWords(
  comparison: ReplicateComparison,
  of: string,
  runs: { asyncDef: number; def: number },
): string {
  const over = `over ${runs.asyncDef} and ${format.plural(runs.def, 'run')}`;
  return `${format.ratio(comparison.ratio)} ${of}${ratioInterval(comparison)} ${over}: ${outcomeWords(comparison)}${comparison.outcome === 'inconclusive' ? needs(comparison, Math.min(runs.asyncDef, runs.def)) : ''}`;
}
