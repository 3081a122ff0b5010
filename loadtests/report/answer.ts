// The loadtest report's answer: which model served more and by how much (the larger first, with the
// ratio's interval and its outcome), how /health fared beside it, what failed, and what to run.
// Pure: every sentence from the measured numbers.
import { comparisonSentence } from '../document/phrases.ts';
import { type Comparison, DEFAULT_EQUIVALENCE_MARGIN } from '../stats/compare.ts';
import { compareRows, METRICS } from './comparisons.ts';
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { baselineRun, groupByVariant, rowGroups } from './runs.ts';
import { rateWithInterval } from './trust.ts';

/** a's req/s against b's (stats/compare.ts: ratio b ÷ a) from each run's own estimate; null without one. */
export function compareRuns(
  a: VariantRun,
  b: VariantRun,
  names: readonly [string, string] = [a.variant, b.variant],
  margin = DEFAULT_EQUIVALENCE_MARGIN,
): Comparison | null {
  return compareRows({ label: names[0], runs: [a] }, { label: names[1], runs: [b] }, METRICS[0]!, margin);
}

/** Rows this run does not show to serve less than `best`: equivalent to it, or not yet told apart. */
function tiedWith(best: VariantRun, runs: readonly VariantRun[]): VariantRun[] {
  return runs.filter((run) => run === best || (compareRuns(best, run)?.outcome ?? 'differs') !== 'differs');
}

const healthP99 = (run: VariantRun): number | null => run.health.latencyMs?.p99 ?? null;

/** Of the rows tied for the most req/s, the one beside which /health answered fastest. */
export function recommended(runs: readonly VariantRun[]): VariantRun | undefined {
  const best = [...runs].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0];
  if (best === undefined) return undefined;
  const slowest = Number.POSITIVE_INFINITY;
  return tiedWith(best, runs).sort((a, b) => (healthP99(a) ?? slowest) - (healthP99(b) ?? slowest))[0];
}

function throughput(runs: readonly VariantRun[], baseline: VariantRun | undefined): string | null {
  const sorted = [...runs].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond);
  const [best, next] = sorted;
  if (best === undefined) return null;
  const other = baseline !== undefined && baseline !== best ? baseline : next;
  const rate = `${rateWithInterval(best)}${other === undefined ? '' : ` vs ${rateWithInterval(other)}`} req/s`;
  if (other === undefined) return `${best.variant} served ${rate}.`;
  const ties = tiedWith(best, runs).filter((run) => run !== best && run !== other);
  const alike = ties.length === 0 ? '' : `; ${ties.map((run) => run.variant).join(' and ')} not shown to serve less`;
  const comparison = compareRuns(best, other);
  const times =
    comparison === null ? `${best.variant} served more than ${other.variant}` : comparisonSentence(comparison);
  return `${times} (${rate})${alike}.`;
}

function responsiveness(choice: VariantRun, baseline: VariantRun | undefined): string | null {
  const mine = healthP99(choice);
  if (mine === null) return `/health got no answer beside ${choice.variant}.`;
  const theirs = baseline === undefined || baseline === choice ? null : healthP99(baseline);
  if (theirs === null) return `/health p99 ${format.duration(mine)} beside ${choice.variant}.`;
  return `/health p99 ${format.duration(theirs)} beside ${baseline?.variant} → ${format.duration(mine)} beside ${choice.variant}.`;
}

function cores(choice: VariantRun, baseline: VariantRun | undefined): string | null {
  const cpu = (run: VariantRun): string | null =>
    run.server.cpuPercent === null ? null : `${run.variant} ${format.cores(run.server.cpuPercent)}`;
  const parts = [cpu(choice), baseline === undefined || baseline === choice ? null : cpu(baseline)];
  const known = parts.filter((part): part is string => part !== null);
  return known.length === 0 ? null : `Cores used: ${known.join(', ')}.`;
}

function advice(choice: VariantRun, tied: number): string {
  const size = choice.size === null ? '' : ` ${choice.size.flag} ${choice.size.value}`;
  const why =
    tied > 1
      ? `of the ${tied} tied for the most req/s, /health answered fastest beside it`
      : 'it served the most req/s';
  return choice.target === null
    ? `Use \`--variant ${choice.variant}${size}\`: ${why}.`
    : `Best here: ${choice.variant}: ${why}.`;
}

export function loadtestAnswer(report: Report): string[] {
  const runs = groupByVariant(report).map((group) => group.summary);
  const failed = rowGroups(report).filter((group) => group.state === 'failed');
  const baseline = baselineRun(report);
  const choice = recommended(runs);
  const best = [...runs].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0];
  const lines = [
    throughput(runs, baseline),
    choice === undefined ? null : responsiveness(choice, baseline),
    choice === undefined ? null : cores(choice, baseline),
    failed.length === 0 ? null : `Not measured: ${failed.map((group) => group.variant).join(', ')} (see Throughput).`,
    choice === undefined || best === undefined || runs.length < 2 ? null : advice(choice, tiedWith(best, runs).length),
  ];
  return lines.filter((line): line is string => line !== null);
}
