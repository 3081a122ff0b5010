// The report's sentences, each computed from the measured numbers. Nothing here is free text
// about the outcome: change the numbers and the sentences change with them.
import { failures, overload, samplesBehind } from './answer-findings.ts';
import { engineComparison, generator } from './engine-findings.ts';
import { costUnderLoad, generatorShortfall } from './cost-findings.ts';
import { failedRowFindings } from './failed-rows.ts';
import { comparisonSentence } from '../document/phrases.ts';
import { compareRows, groupRows, METRICS } from './comparisons.ts';
import { indistinguishable, percentOfLimitCell, rateWithInterval, rowFlags } from './trust.ts';
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { groupByVariant, measuredRuns, type VariantGroup } from './runs.ts';
import { concurrency, cpu, overview, processCpu, processes } from './cores-findings.ts';

/** Below this fairness a variant is said to have served its clients unevenly. */
export const UNEVEN_FAIRNESS = 0.8;
/** The noise guard: CPU used by other processes during a run, in % of one core, that flags it. */
export const FOREIGN_CPU_LIMIT_PERCENT = 10;

/** The row against the baseline with the three-outcome comparison; the plain ratio where the run has too few rounds for one. */
function versusBaseline(report: Report, group: VariantGroup, baseline: VariantGroup | undefined): string | null {
  const [run, base] = [group.summary, baseline?.summary];
  if (baseline === undefined || base === undefined || base.variant === run.variant || base.requestsPerSecond === 0)
    return null;
  const rates = `${rateWithInterval(run)} vs ${rateWithInterval(base)} req/s`;
  const compared = compareRows(groupRows(baseline), groupRows(group), METRICS[0]!, report.parameters.equivalenceMargin);
  if (compared !== null) return `${comparisonSentence(compared)} (${rates}).`;
  const times = format.ratio(run.requestsPerSecond / base.requestsPerSecond);
  return `${run.variant} served ${times} ${format.possessive(base.variant)} throughput (${rates}; too few rounds to compare them).`;
}

/** `inRun`: " in run 2" when the figures are medians over runs and the detail is one run's. */
function fairness(run: VariantRun, inRun: string): string | null {
  if (run.fairness === null || run.fairness >= UNEVEN_FAIRNESS || run.clients.length < 2) return null;
  const sorted = [...run.clients].sort((a, b) => a.served - b.served);
  const fewest = sorted[0]!;
  const most = sorted[sorted.length - 1]!;
  return `${run.variant} served its clients unevenly (fairness ${format.share(run.fairness)})${inRun ? `;${inRun}` : ''}: client ${fewest.clientId} got ${format.plural(fewest.served, 'answer')}, client ${most.clientId} got ${most.served}.`;
}

function againstLimit(run: VariantRun): string | null {
  if (run.limit === null || run.percentOfLimit === null)
    return `${format.possessive(run.variant)} CPU cost per request was not measured (no /stats and no --target-pid), so it has no physical limit to compare with.`;
  if (percentOfLimitCell(run) !== null) return null; // trust.ts says why, instead of a number above 100%
  return `${run.variant} reached ${format.percent(run.percentOfLimit)} of its limit of ${format.perSecond(run.limit.requestsPerSecond)} req/s (${run.limit.basis}).`;
}

function bystander(run: VariantRun): string {
  const { latencyMs, sent, failed, intervalMs } = run.health;
  const failures = failed > 0 ? `; ${format.plural(failed, 'probe')} failed` : '';
  if (latencyMs === null)
    return `${run.variant} answered none of its ${format.plural(sent, '/health probe')}${failures}.`;
  return (
    `${run.variant} answered the /health bystander (every ${intervalMs} ms) in p50 ${format.ms(latencyMs.p50)} ms, ` +
    `p99 ${format.ms(latencyMs.p99)} ms, max ${format.ms(latencyMs.max)} ms over ${format.plural(latencyMs.count, 'probe')}${failures}.`
  );
}

function noise(run: VariantRun): string | null {
  const foreign = run.neighbours.foreignCpuPercent;
  if (foreign === null || foreign <= FOREIGN_CPU_LIMIT_PERCENT) return null;
  return `Noise: while ${run.variant} was measured (run ${run.repetition}), other processes used ${format.percent(foreign)} of a core, over the ${FOREIGN_CPU_LIMIT_PERCENT}% guard: its figures may be off.`;
}

/** The questions a reader asks of a report, in the order the report answers them. */
export type Question = 'throughput' | 'responsiveness' | 'cores' | 'fairness' | 'flags' | 'checks';

export type FindingGroups = Readonly<Record<Question, readonly string[]>>;

const present = (lines: readonly (string | null)[]): string[] => lines.filter((line): line is string => line !== null);

/** Every finding, under the question it answers. */
export function findingGroups(report: Report): FindingGroups {
  const groups = groupByVariant(report);
  const baselineGroup = groups.find((group) => group.variant === report.baseline);
  const runs = groups.map((group) => group.summary);
  const repeat = report.parameters.repeat;
  const each = (sentences: (group: (typeof groups)[number], inRun: string) => (string | null)[]): string[] =>
    present(
      groups.flatMap((group) => sentences(group, group.runs.length > 1 ? ` in run ${group.shown.repetition}` : '')),
    );
  return {
    throughput: [
      ...present([
        repeat > 1
          ? `Each variant ran ${repeat} times on a fresh server. Tables and sentences give each figure per run as the median over the runs (the mean of the middle two for an even count), tables followed by [min–max]; timelines, clients and processes show the run nearest the median req/s.`
          : null,
      ]),
      ...failedRowFindings(report),
      ...each((group) => [
        versusBaseline(report, group, baselineGroup),
        againstLimit(group.summary),
        generatorShortfall(group.summary, report.machine.cpus),
        failures(group.summary),
        overload(group.summary),
      ]),
      ...indistinguishable(report),
    ],
    responsiveness: each(({ summary }) => [bystander(summary)]),
    cores: [
      ...overview(runs),
      ...each(({ summary }, inRun) => [
        `${concurrency(summary)}; ${cpu(summary)}.`,
        processes(summary, inRun),
        processCpu(summary, inRun),
        costUnderLoad(summary),
      ]),
    ],
    fairness: each(({ summary }, inRun) => [fairness(summary, inRun)]),
    // Self-checks that flagged a row, then how the figures were had.
    flags: [...rowFlags(report), ...present(measuredRuns(report).map(noise))],
    checks: present([...groups.map(samplesBehind), generator(report), ...engineComparison(report)]),
  };
}

/** Every finding in one list, question by question. */
export function findings(report: Report): string[] {
  return Object.values(findingGroups(report)).flat();
}
