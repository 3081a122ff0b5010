// Every figure as a ratio against its reference, judged against the targets. Pure:
// takes what was measured, returns rows; the report and the unit test read the same rows.
import { median } from '../loadtests/report/percentile.ts';
import { clients } from '../loadtests/report/format.ts';
import { compare, type Comparison } from './comparison.ts';
import type { BenchReport, DispatchSeries, FrameworkRun, LimitRun } from './model.ts';

export const TARGETS = {
  /** Figure 1: Hono's req/s at least this share of bare node:http's. */
  honoShareOfBare: 0.85,
  /** Figure 2: median round-trip of a no-op task through the pool, below this. */
  dispatchMedianUs: 100,
  /** Figure 3: pool req/s at least this share of cores / CPU seconds per request. */
  poolShareOfLimit: 0.95,
  /** Figure 4: inline req/s at least this share of 1 / CPU seconds per request. */
  inlineShareOfLimit: 0.97,
} as const;

function medianOf(
  runs: readonly FrameworkRun[],
  server: FrameworkRun['server'],
  pick: (run: FrameworkRun) => number,
): number {
  return median(runs.filter((run) => run.server === server).map(pick));
}

/** Server CPU microseconds per answered request; null where /proc could not be read. */
export function serverCpuUsPerRequest(run: FrameworkRun): number | null {
  return run.cpu.serverCpuPercent === null ? null : (run.cpu.serverCpuPercent * 10_000) / run.load.requestsPerSecond;
}

/** Unlike req/s, the server's own CPU per request does not depend on who set the ceiling. */
function cpuPerRequestRow(runs: readonly FrameworkRun[], reference: string): Comparison[] {
  if (runs.some((run) => serverCpuUsPerRequest(run) === null)) return [];
  const perRequest = (run: FrameworkRun): number => serverCpuUsPerRequest(run) ?? Number.NaN;
  return [
    compare({
      figure: 1,
      what: 'Hono server CPU per request (median of runs; lower is better)',
      unit: 'µs',
      measured: medianOf(runs, 'hono', perRequest),
      reference: medianOf(runs, 'bare', perRequest),
      referenceName: reference,
      target: null,
    }),
  ];
}

function frameworkRows(report: BenchReport): Comparison[] {
  const { runs } = report.framework;
  const rps = (run: FrameworkRun): number => run.load.requestsPerSecond;
  const p99 = (run: FrameworkRun): number => run.load.p99Ms;
  const reference = 'bare node:http';
  return [
    compare({
      figure: 1,
      what: 'Hono /health req/s (median of runs)',
      unit: 'req/s',
      measured: medianOf(runs, 'hono', rps),
      reference: medianOf(runs, 'bare', rps),
      referenceName: reference,
      target: { kind: 'ratio-at-least', min: TARGETS.honoShareOfBare },
    }),
    compare({
      figure: 1,
      what: 'Hono /health p99 latency (median of runs; lower is better)',
      unit: 'ms',
      measured: medianOf(runs, 'hono', p99),
      reference: medianOf(runs, 'bare', p99),
      referenceName: reference,
      target: null,
    }),
    ...cpuPerRequestRow(runs, reference),
  ];
}

function dispatchRows(report: BenchReport): Comparison[] {
  const { series } = report.dispatch;
  const find = (path: DispatchSeries['path'], concurrency: number): DispatchSeries | undefined =>
    series.find(
      (s) => s.path === path && s.concurrency === concurrency && (path === 'direct' || s.atomics === 'default'),
    );
  const concurrencies = [...new Set(series.map((s) => s.concurrency))].sort((a, b) => a - b);
  return concurrencies.flatMap((concurrency) => {
    const pool = find('pool', concurrency);
    const direct = find('direct', concurrency);
    if (pool === undefined || direct === undefined) return [];
    const at = concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`;
    const reference = `direct call, ${at}`;
    return [
      compare({
        figure: 2,
        what: `pool round-trip median, ${at}`,
        unit: 'µs',
        measured: pool.medianUs,
        reference: direct.medianUs,
        referenceName: reference,
        target: { kind: 'value-below', max: TARGETS.dispatchMedianUs },
      }),
      compare({
        figure: 2,
        what: `pool round-trip p99, ${at}`,
        unit: 'µs',
        measured: pool.p99Us,
        reference: direct.p99Us,
        referenceName: reference,
        target: null,
      }),
    ];
  });
}

function limitRow(figure: number, run: LimitRun, min: number): Comparison {
  const size = run.poolSize === null ? '' : ` (pool-size ${run.poolSize})`;
  return compare({
    figure,
    what: `${run.variant}${size} req/s, ${clients(run.connections)}`,
    unit: 'req/s',
    measured: run.load.requestsPerSecond,
    reference: run.limit.requestsPerSecond,
    referenceName: `physical limit: ${run.limit.basis}`,
    target: { kind: 'ratio-at-least', min },
  });
}

/** Figure 5: the generator's CPU against the one core its single thread can use. */
function generatorRows(report: BenchReport): Comparison[] {
  const windows = [
    {
      name: 'Hono runs (median)',
      percent: medianOf(report.framework.runs, 'hono', (run) => run.cpu.generatorCpuPercent),
    },
    {
      name: 'bare node:http runs (median)',
      percent: medianOf(report.framework.runs, 'bare', (run) => run.cpu.generatorCpuPercent),
    },
    { name: 'pool run', percent: report.limits.pool.cpu.generatorCpuPercent },
    { name: 'inline run', percent: report.limits.inline.cpu.generatorCpuPercent },
  ];
  return windows.map((window) =>
    compare({
      figure: 5,
      what: `load generator CPU, ${window.name}`,
      unit: '% of a core',
      measured: window.percent,
      reference: 100,
      referenceName: 'one core',
      target: null,
    }),
  );
}

export const STARTUP_REFERENCE = 'bare node:http';

function startupRows(report: BenchReport): Comparison[] {
  const reference = report.startup.find((row) => row.server === STARTUP_REFERENCE);
  if (reference === undefined) return [];
  return report.startup
    .filter((row) => row !== reference)
    .map((row) =>
      compare({
        figure: 6,
        what: `${row.server} start-up (median)`,
        unit: 'ms',
        measured: median(row.startupMs),
        reference: median(reference.startupMs),
        referenceName: `${STARTUP_REFERENCE} start-up`,
        target: null,
      }),
    );
}

export function comparisons(report: BenchReport): Comparison[] {
  return [
    ...frameworkRows(report),
    ...dispatchRows(report),
    limitRow(3, report.limits.pool, TARGETS.poolShareOfLimit),
    limitRow(4, report.limits.inline, TARGETS.inlineShareOfLimit),
    ...generatorRows(report),
    ...startupRows(report),
  ];
}
