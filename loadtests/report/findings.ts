// The report's sentences, each computed from the measured numbers. Nothing here is free text
// about the outcome: change the numbers and the sentences change with them.
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { baselineRun } from './tables.ts';

/** Below this fairness a variant is said to have served its clients unevenly. */
export const UNEVEN_FAIRNESS = 0.8;

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

function failures(run: VariantRun): string | null {
  if (run.errors + run.timeouts + run.non2xx === 0) return null;
  return `${run.variant} had ${run.errors} errors, ${run.timeouts} timeouts and ${run.non2xx} non-2xx answers: its figures count only the ${run.requests} requests answered with 2xx.`;
}

/** Overload: who was turned away or cut off, how fast the rest were served, whether /health answered. */
function overload(run: VariantRun): string | null {
  const turnedAway = run.statusCounts['503'] ?? 0;
  const cutOff = run.statusCounts['504'] ?? 0;
  if (turnedAway + cutOff === 0 && run.health === null) return null;
  const served = run.servedLatencyMs === null
    ? `served none`
    : `served ${run.requests} in p50 ${format.ms(run.servedLatencyMs.p50)} ms, p99 ${format.ms(run.servedLatencyMs.p99)} ms (max ${format.ms(run.servedLatencyMs.max)} ms)`;
  const health = run.health === null
    ? ''
    : `; /health answered ${run.health.answered} of ${run.health.sent} probes` +
      (run.health.slowestMs === null ? '' : ` (slowest ${format.ms(run.health.slowestMs)} ms)`);
  return `${run.variant} turned away ${turnedAway} requests with 503 and cut off ${cutOff} with 504, and ${served}${health}.`;
}

export function findings(report: Report): string[] {
  const baseline = baselineRun(report);
  const lines = report.runs.flatMap((run) => [
    `${concurrency(run)}; ${cpu(run)}.`,
    versusBaseline(run, baseline),
    fairness(run),
    failures(run),
    overload(run),
  ]);
  lines.push(
    `The load generator (autocannon) ran on the same ${report.machine.cpus} cores as the server and shared them with it.`,
  );
  return lines.filter((line): line is string => line !== null);
}
