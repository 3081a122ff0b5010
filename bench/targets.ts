// Every figure as a ratio against its reference, judged against the targets. Pure:
// takes what was measured, returns rows; the report and the unit test read the same rows.
import { median } from '../loadtests/stats/percentile.ts';
import { clients } from '../loadtests/report/format.ts';
import { compare, type Comparison } from './comparison.ts';
import type { BenchReport, DispatchSeries, FrameworkRun, LimitRun } from './model.ts';
import { cpuAgainstInline, startupRows, warmThreadRows } from './cost-rows.ts';
import { limitRuns, TARGETS } from './target-values.ts';

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
function cpuPerRequestRow(runs: readonly FrameworkRun[], reference: string, pinned: boolean): Comparison[] {
  if (runs.some((run) => serverCpuUsPerRequest(run) === null)) return [];
  const perRequest = (run: FrameworkRun): number => serverCpuUsPerRequest(run) ?? Number.NaN;
  return [
    compare({
      figure: 1,
      what: `Hono server CPU per request (median of runs${pinned ? ', server and generator pinned apart' : ', unpinned'}; lower is better)`,
      unit: 'µs',
      measured: medianOf(runs, 'hono', perRequest),
      reference: medianOf(runs, 'bare', perRequest),
      referenceName: reference,
      target: { kind: 'ratio-at-most', max: TARGETS.honoCpuPerRequest },
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
    ...cpuPerRequestRow(runs, reference, report.framework.pinning.state === 'pinned'),
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

export const sizeLabel = (run: LimitRun): string =>
  run.size === null ? '' : ` (${run.size.flag.replace(/^--/, '')} ${run.size.value})`;

function limitRow(figure: number, run: LimitRun, min: number): Comparison {
  const size = sizeLabel(run);
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
    ...limitRuns(report).map(({ run }) => ({ name: `${run.variant} run`, percent: run.cpu.generatorCpuPercent })),
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

export function comparisons(report: BenchReport): Comparison[] {
  return [
    ...frameworkRows(report),
    ...dispatchRows(report),
    limitRow(3, report.limits.pool, TARGETS.poolShareOfLimit),
    limitRow(4, report.limits.inline, TARGETS.inlineShareOfLimit),
    ...generatorRows(report),
    ...startupRows(report),
    ...warmThreadRows(report),
    ...cpuAgainstInline(report),
    limitRow(8, report.limits.cluster, TARGETS.parallelShareOfLimit),
    limitRow(8, report.limits.libuv, TARGETS.parallelShareOfLimit),
  ];
}
