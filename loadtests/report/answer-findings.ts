// The findings about how requests were answered: failed requests, what overload turned away or cut
// off, and how many requests a variant's latency percentiles rest on. Computed from the numbers.
import * as format from './format.ts';
import type { VariantRun } from './model.ts';
import { tailCount } from '../stats/percentile.ts';
import type { VariantGroup } from './runs.ts';

const slowest = (tail: number): string => (tail === 1 ? 'one' : format.count(tail));

/** How many requests a variant's latency percentiles rest on: its p99 is only its slowest few. */
export function sampleSize(name: string, requests: number): string {
  return `${format.possessive(name)} latency percentiles rest on ${format.plural(requests, 'request')}: its p99 is the slowest ${slowest(tailCount(requests, 99))}.`;
}

/** With --repeat: the requests per run the table shows, and each run's own tail. */
export function samplesBehind({ variant, runs, summary }: VariantGroup): string | null {
  if (summary.requests === 0) return null;
  if (runs.length === 1) return sampleSize(variant, summary.requests);
  const counts = runs.map((run) => run.requests);
  const [fewest, most] = [Math.min(...counts), Math.max(...counts)];
  const tails = [...new Set([tailCount(fewest, 99), tailCount(most, 99)])].map(slowest).join('–');
  const spread =
    fewest === most ? `in each of its ${runs.length} runs` : `the median of ${runs.length} runs, ${fewest}–${most}`;
  return `${format.possessive(variant)} latency percentiles rest on ${format.count(summary.requests)} requests per run (${spread}): each run's p99 is its slowest ${tails}.`;
}

export function failures(run: VariantRun): string | null {
  if (run.errors + run.timeouts + run.non2xx === 0) return null;
  return `${run.variant} had ${format.plural(run.errors, 'error')}, ${format.plural(run.timeouts, 'timeout')} and ${format.plural(run.non2xx, 'non-2xx answer')}: its figures count only the ${format.plural(run.requests, 'request')} answered with 2xx.`;
}

/** Overload: who was turned away or cut off, and how fast the rest were served (2xx only). */
export function overload(run: VariantRun): string | null {
  const turnedAway = run.statusCounts['503'] ?? 0;
  const cutOff = run.statusCounts['504'] ?? 0;
  if (turnedAway + cutOff === 0) return null;
  if (run.servedLatencyMs === null || run.requests === 0) {
    // Under overload a server that answered every request with its deadline's 504 is an outcome, not a broken run.
    const failed = run.errors + run.timeouts + run.non2xx;
    const how =
      turnedAway === failed
        ? `all ${format.count(failed)} were turned away with 503`
        : cutOff === failed
          ? `all ${format.count(failed)} were cut off at the deadline with 504`
          : `${format.count(turnedAway)} were turned away with 503 and ${format.count(cutOff)} cut off with 504`;
    return `${run.variant} served 0 of ${format.plural(failed, 'request')}: ${how}.`;
  }
  const { p50, p99, max } = run.servedLatencyMs;
  const served = `served ${format.count(run.requests)} in p50 ${format.ms(p50)} ms, p99 ${format.ms(p99)} ms (max ${format.ms(max)} ms)`;
  return `${run.variant} turned away ${format.plural(turnedAway, 'request')} with 503 and cut off ${format.count(cutOff)} with 504, and ${served}.`;
}
