// The report's closing note: every ratio, every miss and by how much, and what the same run
// measured about why. Pure: sentences computed from the report's numbers only.
import type { BenchReport, LimitRun, WindowCpu } from './model.ts';
import { median } from '../loadtests/stats/percentile.ts';
import { amount, usPerTask } from './tables.ts';
import type { Comparison } from './comparison.ts';
import { limitRuns, measuredWindows, STARTUP_REFERENCE } from './target-values.ts';
import { clusterProcesses, libuvThreads } from './limit-causes.ts';

/** The answer's first line: how many targets were met, and the figures of those missed. */
export function targetsLine(rows: readonly Comparison[]): string {
  const missed = [...new Set(rows.filter((row) => row.outcome.state === 'missed').map((row) => row.figure))];
  const targets = rows.filter((row) => row.target !== null).length;
  if (missed.length === 0) return `Every target was met (${targets} of ${targets}).`;
  const count = rows.filter((row) => row.outcome.state === 'missed').length;
  return `Targets missed: ${count} of ${targets} (figure${missed.length > 1 ? 's' : ''} ${missed.join(', ')}).`;
}

/** autocannon drives its connections from one thread: at this share of a core it is the bottleneck. */
export const GENERATOR_BOUND_PERCENT = 90;

/** A share of one core others may take before a window's numbers are called disturbed. */
export const DISTURBED_FOREIGN_PERCENT = 25;

const pct = (value: number): string => `${value.toFixed(0)}%`;

type Ceiling = 'others' | 'generator' | 'server';

/** Who limited one figure-1 run: other processes first (they took cores), then the generator. */
export function ceilingOf(cpu: WindowCpu): Ceiling {
  if ((cpu.foreignCpuPercent ?? 0) >= DISTURBED_FOREIGN_PERCENT) return 'others';
  return cpu.generatorCpuPercent >= GENERATOR_BOUND_PERCENT ? 'generator' : 'server';
}

const CEILING_TEXT: Record<Ceiling, string> = {
  others: `other processes (≥ ${DISTURBED_FOREIGN_PERCENT}% of a core)`,
  generator: `the generator (≥ ${GENERATOR_BOUND_PERCENT}% of its single thread)`,
  server: 'the server',
};

function generatorCeiling(report: BenchReport): string {
  const byCeiling = (['generator', 'others', 'server'] as const)
    .map((ceiling) => {
      const runs = report.framework.runs.filter((run) => ceilingOf(run.cpu) === ceiling);
      return runs.length === 0
        ? ''
        : `${CEILING_TEXT[ceiling]} in ${runs.map((run) => `pair ${run.pair} ${run.server === 'hono' ? 'Hono' : 'bare'}`).join(', ')}`;
    })
    .filter((part) => part !== '');
  const bareBound = report.framework.runs.some((run) => run.server === 'bare' && ceilingOf(run.cpu) === 'generator');
  return (
    `Who set figure 1's ceiling, run by run: ${byCeiling.join('; ')}.` +
    (bareBound
      ? " Where the generator capped bare node:http, figure 1's req/s ratio understates the gap between the servers."
      : '')
  );
}

/** Figure 1 by CPU per request: what a fully busy server core would serve, whoever set the ceiling. */
function perCore(rows: readonly Comparison[]): string {
  const row = rows.find((r) => r.figure === 1 && r.unit === 'µs');
  if (row === undefined) return '';
  return `Per core of server CPU, Hono serves ${pct((row.reference / row.measured) * 100)} of what bare node:http serves (${amount(row.measured)} vs ${amount(row.reference)} µs a request); unlike req/s this does not depend on the generator or on other load.`;
}

function disturbed(report: BenchReport): string {
  const windows = measuredWindows(report);
  const hit = windows.filter((window) => (window.cpu.foreignCpuPercent ?? 0) >= DISTURBED_FOREIGN_PERCENT);
  if (hit.length === 0)
    return `Other processes used less than ${DISTURBED_FOREIGN_PERCENT}% of a core in every measured window.`;
  const list = hit.map((window) => `${window.name} ${pct(window.cpu.foreignCpuPercent ?? 0)}`).join(', ');
  return `Other processes used ≥ ${DISTURBED_FOREIGN_PERCENT}% of a core in ${hit.length} of ${windows.length} windows (${list}): those numbers were disturbed; rerun on a quieter machine to confirm.`;
}

/** How many cores the window left to the server after the generator and everyone else. */
function coresLeft(cores: number, cpu: WindowCpu): number | null {
  return cpu.foreignCpuPercent === null ? null : cores - (cpu.generatorCpuPercent + cpu.foreignCpuPercent) / 100;
}

function limitContext(report: BenchReport, figure: number, run: LimitRun): string {
  const left = coresLeft(report.machine.cpus, run.cpu);
  const cpuMs = run.limit.cpuMsPerRequest;
  if (left === null || cpuMs === null)
    return `Figure ${figure} (${run.variant}): the CPU used by other processes could not be read.`;
  const usable = Math.min(run.limit.concurrency, left);
  const leftLimit = (usable * 1000) / cpuMs;
  return (
    `Figure ${figure} (${run.variant}): in its window the generator used ${pct(run.cpu.generatorCpuPercent)} and other processes ${pct(run.cpu.foreignCpuPercent ?? 0)} of one core, ` +
    `leaving ${left.toFixed(2)} of ${report.machine.cpus} cores; against the ${amount(leftLimit)} req/s those cores allow at ${amount(cpuMs)} ms CPU a request, ` +
    `the server reached ${pct((run.load.requestsPerSecond / leftLimit) * 100)}.`
  );
}

/** With more callers than threads, a round-trip includes waiting for the tasks queued ahead. */
function dispatchQueueing(report: BenchReport): string {
  const busy = report.dispatch.series.filter(
    (series) => series.path === 'pool' && series.atomics === 'default' && series.concurrency > report.dispatch.poolSize,
  );
  return busy
    .map((series) => {
      const pace = usPerTask(series);
      return `Figure 2 at concurrency ${series.concurrency}: the pool of ${report.dispatch.poolSize} finished a task every ${amount(pace)} µs, so its median round-trip of ${amount(series.medianUs)} µs spans ${(series.medianUs / pace).toFixed(1)} task times for ${series.concurrency} callers.`;
    })
    .join(' ');
}

function atomicsTried(report: BenchReport): string {
  const sequential = report.dispatch.series.filter((series) => series.path === 'pool' && series.concurrency === 1);
  if (sequential.length < 2) return '';
  const best = sequential.reduce((a, b) => (b.medianUs < a.medianUs ? b : a));
  const options = sequential.map((series) => `${series.atomics} ${amount(series.medianUs)} µs`).join(', ');
  return `Figure 2 tried piscina's atomics options in the same run (sequential median: ${options}); the fastest was ${best.atomics}.`;
}

/** Figure 6: how long after its listening line each variant could answer one request per core. */
function afterListening(report: BenchReport): string {
  const gaps = report.startup
    .filter((row) => row.server !== STARTUP_REFERENCE)
    .map((row) => `${row.server} ${amount(median(row.firstAnswersMs) - median(row.startupMs))} ms`);
  return gaps.length === 0
    ? ''
    : `Figure 6, from listening line to answering ${report.machine.cpus} requests at once (medians): ${gaps.join(', ')}.`;
}

export function closingNote(report: BenchReport, rows: readonly Comparison[]): string[] {
  return [
    disturbed(report),
    generatorCeiling(report),
    perCore(rows),
    ...limitRuns(report).map(({ figure, run }) => limitContext(report, figure, run)),
    ...clusterProcesses(report.limits.cluster),
    ...libuvThreads(report.limits.libuv, report.machine.cpus),
    dispatchQueueing(report),
    atomicsTried(report),
    afterListening(report),
  ].filter((line) => line !== '');
}
