// The loadtest report's answer: which model served more and by how much (the larger first, with the
// ratio's interval and its outcome), how /health fared beside it, what failed, and what to run.
// Pure: every sentence from the measured numbers.
import { comparisonSentence } from '../document/phrases.ts';
import { type Comparison, DEFAULT_EQUIVALENCE_MARGIN } from '../stats/compare.ts';
import { compareRows, groupRows, METRICS } from './comparisons.ts';
import * as format from './format.ts';
import { overloadAnswer } from './overload-answer.ts';
import type { Report, VariantRun } from './model.ts';
import { groupByVariant, rowGroups, type VariantGroup } from './runs.ts';
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

/** Rows this run does not show to serve less than `best` (their runs against its runs): equivalent, or not yet told apart. */
function tiedWith(best: VariantGroup, groups: readonly VariantGroup[], margin: number): VariantGroup[] {
  return groups.filter(
    (group) =>
      group.variant === best.variant ||
      (compareRows(groupRows(best), groupRows(group), METRICS[0]!, margin)?.outcome ?? 'differs') !== 'differs',
  );
}

const healthP99 = (run: VariantRun): number | null => run.health.latencyMs?.p99 ?? null;
const byRate = (groups: readonly VariantGroup[]): VariantGroup[] =>
  [...groups].sort((a, b) => b.summary.requestsPerSecond - a.summary.requestsPerSecond);

/** Of the rows tied for the most req/s, the one beside which /health answered fastest. */
function recommended(groups: readonly VariantGroup[], margin: number): VariantGroup | undefined {
  const best = byRate(groups)[0];
  if (best === undefined) return undefined;
  const slowest = Number.POSITIVE_INFINITY;
  const p99 = (group: VariantGroup) => healthP99(group.summary) ?? slowest;
  return tiedWith(best, groups, margin).sort((a, b) => p99(a) - p99(b))[0];
}

/** The plain ratio, the larger first, where a row has too few rounds for an interval to compare by. */
function withoutInterval(best: VariantGroup, other: VariantGroup): string {
  const [more, less] = [best.summary, other.summary];
  const times =
    less.requestsPerSecond > 0 ? ` ${format.ratio(more.requestsPerSecond / less.requestsPerSecond)}` : ' more than';
  return `${more.variant} served${times} ${format.possessive(less.variant)} req/s: not compared, too few rounds for an interval`;
}

function throughput(groups: readonly VariantGroup[], baseline: VariantGroup | undefined, margin: number) {
  const [best, next] = byRate(groups);
  if (best === undefined) return null;
  const other = baseline !== undefined && baseline.variant !== best.variant ? baseline : next;
  const rate = `${rateWithInterval(best.summary)}${other === undefined ? '' : ` vs ${rateWithInterval(other.summary)}`} req/s`;
  if (other === undefined) return `${best.variant} served ${rate}.`;
  const ties = tiedWith(best, groups, margin).filter((g) => g.variant !== best.variant && g.variant !== other.variant);
  const alike =
    ties.length === 0 ? '' : `; ${ties.map((group) => group.variant).join(' and ')} not shown to serve less`;
  const comparison = compareRows(groupRows(other), groupRows(best), METRICS[0]!, margin);
  const times = comparison === null ? withoutInterval(best, other) : comparisonSentence(comparison);
  return `${times} (${rate})${alike}.`;
}

function responsiveness(choice: VariantRun, baseline: VariantRun | undefined): string | null {
  const mine = healthP99(choice);
  if (mine === null) return `/health got no answer beside ${choice.variant}.`;
  const theirs = baseline === undefined || baseline.variant === choice.variant ? null : healthP99(baseline);
  if (theirs === null) return `/health p99 ${format.duration(mine)} beside ${choice.variant}.`;
  return `/health p99 ${format.duration(theirs)} beside ${baseline?.variant} → ${format.duration(mine)} beside ${choice.variant}.`;
}

function cores(choice: VariantRun, baseline: VariantRun | undefined): string | null {
  const cpu = (run: VariantRun): string | null =>
    run.server.cpuPercent === null ? null : `${run.variant} ${format.cores(run.server.cpuPercent)}`;
  const parts = [cpu(choice), baseline === undefined || baseline.variant === choice.variant ? null : cpu(baseline)];
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
  const overload = overloadAnswer(report);
  if (overload !== null) return overload;
  const groups = groupByVariant(report);
  const margin = report.parameters.equivalenceMargin;
  const failed = rowGroups(report).filter((group) => group.state === 'failed');
  const baseline = groups.find((group) => group.variant === report.baseline);
  const choice = recommended(groups, margin);
  const best = byRate(groups)[0];
  const lines = [
    throughput(groups, baseline, margin),
    choice === undefined ? null : responsiveness(choice.summary, baseline?.summary),
    choice === undefined ? null : cores(choice.summary, baseline?.summary),
    failed.length === 0 ? null : `Not measured: ${failed.map((group) => group.variant).join(', ')} (see Throughput).`,
    choice === undefined || best === undefined || groups.length < 2
      ? null
      : advice(choice.summary, tiedWith(best, groups, margin).length),
  ];
  return lines.filter((line): line is string => line !== null);
}
