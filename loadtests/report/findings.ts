// The report's sentences, each computed from the measured numbers. Nothing here is free text
// about the outcome: change the numbers and the sentences change with them.
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { baselineRun } from './tables.ts';

/** Below this fairness a variant is said to have served its clients unevenly. */
export const UNEVEN_FAIRNESS = 0.8;
/** Above this CPU% a variant is said to have used more than one core. */
export const MULTI_CORE_PERCENT = 150;

function concurrency(run: VariantRun): string {
  const { maxInFlight, maxInHandler } = run.server;
  if (maxInFlight <= 1) {
    return `${run.variant} ran one request at a time (at most ${maxInFlight} in flight, ${maxInHandler} inside the handler): requests were served one after another`;
  }
  return `${run.variant} ran up to ${maxInFlight} requests at once (at most ${maxInHandler} inside the handler, queued or running)`;
}

function cpu(run: VariantRun): string {
  const { cpuPercent, busyThreads, threads } = run.server;
  if (cpuPercent === null) return 'its CPU was not measured (no /proc on this system)';
  return `it used ${format.cores(cpuPercent)} cores (${format.percent(cpuPercent)} CPU) with ${busyThreads} busy of ${threads} threads`;
}

function versusBaseline(run: VariantRun, baseline: VariantRun | undefined): string | null {
  if (baseline === undefined || baseline === run) return null;
  const times = run.requestsPerSecond / baseline.requestsPerSecond;
  return `${run.variant} served ${format.ratio(times)} ${baseline.variant}'s throughput (${format.perSecond(run.requestsPerSecond)} vs ${format.perSecond(baseline.requestsPerSecond)} req/s).`;
}

function fairness(run: VariantRun): string | null {
  if (run.fairness >= UNEVEN_FAIRNESS || run.clients.length < 2) return null;
  const sorted = [...run.clients].sort((a, b) => a.served - b.served);
  const fewest = sorted[0]!;
  const most = sorted[sorted.length - 1]!;
  return `${run.variant} served its clients unevenly (fairness ${format.share(run.fairness)}): client ${fewest.clientId} got ${fewest.served} answers, client ${most.clientId} got ${most.served}.`;
}

function againstLimit(run: VariantRun): string {
  return `${run.variant} reached ${format.percent(run.percentOfLimit)} of its limit of ${format.perSecond(run.limit.requestsPerSecond)} req/s (${run.limit.basis}).`;
}

function processes(run: VariantRun): string | null {
  if (run.size?.flag !== '--workers') return null;
  const idle = run.size.value - run.servedByProcess.length;
  const split = run.servedByProcess.map((entry) => entry.served).join(' / ');
  const served = `${run.variant} served from ${run.servedByProcess.length} of its ${run.size.value} worker processes (${split} requests)`;
  if (idle <= 0) return `${served}.`;
  const why = run.connections < run.size.value ? `: ${run.connections} connections for ${run.size.value} workers, and node:cluster hands out connections, not requests` : '';
  return `${served}; ${idle} stayed idle${why}.`;
}

/** Across variants: which used more than a core, which interleaved, which ran one at a time. */
function overview(runs: readonly VariantRun[]): string[] {
  const names = (list: readonly VariantRun[]): string => list.map((run) => run.variant).join(', ');
  const cpuRuns = runs.filter((run) => run.work === 'cpu');
  const multiCore = cpuRuns.filter((run) => (run.server.cpuPercent ?? 0) > MULTI_CORE_PERCENT);
  const overlapped = runs.filter((run) => run.server.maxInFlight > 1);
  const serial = runs.filter((run) => run.server.maxInFlight <= 1);
  const lines: string[] = [];
  if (runs.length < 2) return lines;
  if (cpuRuns.length > 0) {
    lines.push(
      multiCore.length > 0
        ? `Used more than one core (over ${MULTI_CORE_PERCENT}% CPU): ${names(multiCore)}.`
        : `No variant used more than one core (over ${MULTI_CORE_PERCENT}% CPU).`,
    );
  }
  if (overlapped.length > 0) lines.push(`Had more than one request in flight at once: ${names(overlapped)}.`);
  if (serial.length > 0) lines.push(`Served one request at a time: ${names(serial)}.`);
  const interleavedOnOneCore = overlapped.filter(
    (run) => run.work === 'cpu' && run.server.cpuPercent !== null && run.server.cpuPercent <= MULTI_CORE_PERCENT,
  );
  if (interleavedOnOneCore.length > 0) lines.push(`Interleaved requests yet stayed on about one core: ${names(interleavedOnOneCore)}.`);
  return lines;
}

function failures(run: VariantRun): string | null {
  if (run.errors + run.timeouts + run.non2xx === 0) return null;
  return `${run.variant} had ${run.errors} errors, ${run.timeouts} timeouts and ${run.non2xx} non-2xx answers: its figures count only the ${run.requests} requests answered with 2xx.`;
}

export function findings(report: Report): string[] {
  const baseline = baselineRun(report);
  const lines = [
    ...overview(report.runs),
    ...report.runs.flatMap((run) => [
      `${concurrency(run)}; ${cpu(run)}.`,
      againstLimit(run),
      versusBaseline(run, baseline),
      processes(run),
      fairness(run),
      failures(run),
    ]),
  ];
  lines.push(
    `The load generator (autocannon) ran on the same ${report.machine.cpus} cores as the server and shared them with it.`,
  );
  return lines.filter((line): line is string => line !== null);
}
