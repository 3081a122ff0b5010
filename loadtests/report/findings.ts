// The report's sentences, each computed from the measured numbers. Nothing here is free text
// about the outcome: change the numbers and the sentences change with them.
import { failures, overload, samplesBehind } from './answer-findings.ts';
import { engineComparison, generator } from './engine-findings.ts';
import { costUnderLoad, generatorShortfall } from './cost-findings.ts';
import { failedRowFindings } from './failed-rows.ts';
import { compareRows, describeComparison, METRICS } from './comparisons.ts';
import { percentOfLimitCell, rateWithInterval, trustFindings } from './trust.ts';
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { groupByVariant, measuredRuns, type VariantGroup } from './runs.ts';

/** Below this fairness a variant is said to have served its clients unevenly. */
export const UNEVEN_FAIRNESS = 0.8;
/** Above this CPU% a variant is said to have used more than one core. */
export const MULTI_CORE_PERCENT = 150;
/** At most this CPU% a variant is said to have stayed on about one core; in between, partly on a second. */
export const ONE_CORE_MAX_PERCENT = 120;
/** A process of a multi-process server is said to have worked when it used this share of a core. */
export const WORKING_PROCESS_MIN_PERCENT = 10;
/** The noise guard: CPU used by other processes during a run, in % of one core, that flags it. */
export const FOREIGN_CPU_LIMIT_PERCENT = 10;

function concurrency(run: VariantRun): string {
  const { maxInFlight, maxInHandler } = run.server;
  if (maxInFlight === null)
    return `${format.possessive(run.variant)} requests in flight were not measured (no /stats, and its start/end lines were not read)`;
  const source = maxInHandler === null ? 'by its own start/end lines' : `${maxInHandler} inside the handler`;
  if (maxInFlight <= 1) {
    return `${run.variant} ran one request at a time (at most ${maxInFlight} in flight, ${source}): requests were served one after another`;
  }
  return maxInHandler === null
    ? `${run.variant} ran up to ${maxInFlight} requests at once (${source})`
    : `${run.variant} ran up to ${maxInFlight} requests at once (at most ${maxInHandler} inside the handler, queued or running)`;
}

function cpu(run: VariantRun): string {
  const { cpuPercent, busyThreads, threads } = run.server;
  if (cpuPercent === null)
    return `its CPU was not measured (${run.target !== null && run.target.pid === null ? 'no --target-pid' : 'no /proc on this system'})`;
  return `it used ${format.cores(cpuPercent)} cores (${format.percent(cpuPercent)} CPU) with ${busyThreads} busy of ${format.plural(threads ?? 0, 'thread')}`;
}

/** The row against the baseline with the three-outcome comparison; the plain ratio where the run has too few rounds for one. */
function versusBaseline(report: Report, group: VariantGroup, baseline: VariantGroup | undefined): string | null {
  const [run, base] = [group.summary, baseline?.summary];
  if (baseline === undefined || base === undefined || base.variant === run.variant || base.requestsPerSecond === 0)
    return null;
  const rates = `${rateWithInterval(run)} vs ${rateWithInterval(base)} req/s`;
  const rows = (of: VariantGroup) => ({ label: of.variant, runs: of.runs });
  const compared = compareRows(rows(baseline), rows(group), METRICS[0]!, report.parameters.equivalenceMargin);
  if (compared !== null) return `${describeComparison(compared).slice(0, -1)} (${rates}).`;
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

function processes(run: VariantRun, inRun: string): string | null {
  if (run.size?.flag !== '--workers') return null;
  const idle = run.size.value - run.servedByProcess.length;
  const split = run.servedByProcess.map((entry) => entry.served).join(' / ');
  const served = `${run.variant} served from ${run.servedByProcess.length} of its ${format.plural(run.size.value, 'worker process', 'worker processes')}${inRun} (${split} requests)`;
  if (idle <= 0) return `${served}.`;
  const why =
    run.connections < run.size.value
      ? `: ${format.plural(run.connections, 'connection')} for ${run.size.value} workers, and node:cluster hands out connections, not requests`
      : '';
  return `${served}; ${idle} stayed idle${why}.`;
}

/** For a server of several processes: which of them did the work (uvicorn's or a cluster's workers). */
function processCpu(run: VariantRun, inRun: string): string | null {
  const processes = run.server.cpuByProcess;
  // A single-process variant's tree also holds tsx's idle esbuild helper: not a worker.
  if (processes.length < 2 || (run.target === null && run.size?.flag !== '--workers')) return null;
  const working = processes.filter((entry) => entry.cpuPercent >= WORKING_PROCESS_MIN_PERCENT);
  const named = working.map((entry) => `pid ${entry.pid} ${format.percent(entry.cpuPercent)}`).join(', ');
  return `${run.variant} worked in ${working.length} of its ${format.plural(processes.length, 'process', 'processes')}${inRun} (at least ${WORKING_PROCESS_MIN_PERCENT}% of a core each${working.length > 0 ? `: ${named}` : ''}).`;
}

/** Across variants: which used more than a core, which interleaved, which ran one at a time. */
function overview(runs: readonly VariantRun[]): string[] {
  const names = (list: readonly VariantRun[]): string => list.map((run) => run.variant).join(', ');
  const cpuRuns = runs.filter((run) => run.work === 'cpu');
  const multiCore = cpuRuns.filter((run) => (run.server.cpuPercent ?? 0) > MULTI_CORE_PERCENT);
  const overlapped = runs.filter((run) => (run.server.maxInFlight ?? 0) > 1);
  const serial = runs.filter((run) => run.server.maxInFlight !== null && run.server.maxInFlight <= 1);
  const unmeasured = cpuRuns.filter((run) => run.server.cpuPercent === null);
  const lines: string[] = [];
  if (runs.length < 2) return lines;
  if (cpuRuns.length > 0) {
    lines.push(
      multiCore.length > 0
        ? `Used more than one core (over ${MULTI_CORE_PERCENT}% CPU): ${names(multiCore)}.`
        : `No variant${unmeasured.length > 0 ? ' whose CPU was measured' : ''} used more than one core (over ${MULTI_CORE_PERCENT}% CPU).`,
    );
    if (unmeasured.length > 0) lines.push(`CPU not measured: ${names(unmeasured)}.`);
  }
  if (overlapped.length > 0) lines.push(`Had more than one request in flight at once: ${names(overlapped)}.`);
  if (serial.length > 0) lines.push(`Served one request at a time: ${names(serial)}.`);
  const cpuOf = (run: VariantRun): number | null => (run.work === 'cpu' ? run.server.cpuPercent : null);
  const partly = runs.filter((run) => {
    const cpu = cpuOf(run);
    return cpu !== null && cpu > ONE_CORE_MAX_PERCENT && cpu <= MULTI_CORE_PERCENT;
  });
  if (partly.length > 0)
    lines.push(
      `Partly used a second core (${ONE_CORE_MAX_PERCENT}–${MULTI_CORE_PERCENT}% CPU): ${partly.map((run) => `${run.variant} (${format.percent(cpuOf(run))})`).join(', ')}.`,
    );
  const interleavedOnOneCore = overlapped.filter((run) => {
    const cpu = cpuOf(run);
    return cpu !== null && cpu <= ONE_CORE_MAX_PERCENT;
  });
  if (interleavedOnOneCore.length > 0)
    lines.push(
      `Interleaved requests yet stayed on about one core (at most ${ONE_CORE_MAX_PERCENT}% CPU): ${names(interleavedOnOneCore)}.`,
    );
  return lines;
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

export function findings(report: Report): string[] {
  const groups = groupByVariant(report);
  const baselineGroup = groups.find((group) => group.variant === report.baseline);
  const runs = groups.map((group) => group.summary);
  const repeat = report.parameters.repeat;
  const lines = [
    repeat > 1
      ? `Each variant ran ${repeat} times on a fresh server. Tables and sentences give each figure per run as the median over the runs (the mean of the middle two for an even count), tables followed by [min–max]; timelines, clients and processes show the run nearest the median req/s.`
      : null,
    ...failedRowFindings(report),
    ...overview(runs),
    ...trustFindings(report),
    ...groups.flatMap((group) => {
      const run = group.summary;
      const inRun = group.runs.length > 1 ? ` in run ${group.shown.repetition}` : '';
      return [
        `${concurrency(run)}; ${cpu(run)}.`,
        againstLimit(run),
        generatorShortfall(run, report.machine.cpus),
        costUnderLoad(run),
        versusBaseline(report, group, baselineGroup),
        bystander(run),
        processes(run, inRun),
        processCpu(run, inRun),
        fairness(run, inRun),
        failures(run),
        overload(run),
        samplesBehind(group),
      ];
    }),
    ...measuredRuns(report).map(noise),
    generator(report),
    ...engineComparison(report),
  ];
  return lines.filter((line): line is string => line !== null);
}
