// A replicate comparison in words: the ratio, its interval, the runs it rests on and the outcome,
// with what an inconclusive one still needs. Pure: a comparison in, a clause out.
import type { ReplicateComparison } from '../loadtests/decide/replicates.ts';
import { PROBE_TIMEOUT_MS } from '../loadtests/observe/health-probe.ts';
import * as format from '../loadtests/report/format.ts';

const interval = ([low, high]: readonly [number, number]): string =>
  Number.isFinite(high) && low > 0 ? ` [${format.ratio(low).replace('×', '')}–${format.ratio(high)}]` : '';

function needs(comparison: ReplicateComparison, fewestRuns: number): string {
  if (fewestRuns < 2) return '; one run has no spread: a second run of each is the least a decision needs';
  if (comparison.censored.length > 0 && comparison.moreRounds === null)
    return `; /health went unanswered for ${PROBE_TIMEOUT_MS / 1000} s or more beside ${comparison.censored.map((side) => `\`${side}\``).join(' and ')} (a lower bound), so no count of runs decides`;
  if (comparison.moreRounds === null || comparison.moreRounds === undefined) return '';
  return `; about ${format.plural(comparison.moreRounds, 'more run')} of each would decide`;
}

/** "0.77× `async def`'s req/s [0.70–0.85×] over 3 and 3 runs: differs" (b ÷ a), or inconclusive with what it needs. */
export function comparisonWords(
  comparison: ReplicateComparison,
  of: string,
  runs: { asyncDef: number; def: number },
): string {
  const over = `over ${runs.asyncDef} and ${format.plural(runs.def, 'run')}`;
  const outcome =
    comparison.outcome === 'equivalent'
      ? `equivalent (within ±${(comparison.margin * 100).toFixed(0)}%)`
      : comparison.outcome;
  return `${format.ratio(comparison.ratio)} ${of}${interval(comparison.ratioCi95)} ${over}: ${outcome}${comparison.outcome === 'inconclusive' ? needs(comparison, Math.min(runs.asyncDef, runs.def)) : ''}`;
}
