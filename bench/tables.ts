// The bench report's tables as plain cells (loadtests/report/tables.ts's Table), from the model.
import * as format from '../loadtests/report/format.ts';
import { type Field, type Table, tableFrom } from '../loadtests/document/model.ts';
import type { BenchReport, DispatchSeries, LimitRun, LoadFigures, WindowCpu } from './model.ts';
import type { Comparison, Outcome, Target } from './comparison.ts';
import { limitRuns, measuredWindows } from './target-values.ts';
import { serverCpuUsPerRequest, sizeLabel } from './targets.ts';

/** The pace at which the pool (or the direct call) got through the tasks. */
export const usPerTask = (series: DispatchSeries): number => (series.elapsedMs * 1000) / series.tasks;

/** Small figures (µs, ratios of tiny numbers) keep two decimals; big ones none. */
export function amount(value: number): string {
  return Math.abs(value) >= 100 ? format.count(Math.round(value)) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

const cpu = (percent: number | null): string => (percent === null ? format.MISSING : `${percent.toFixed(0)}%`);

export function targetCell(target: Target | null, unit: string): string {
  if (target === null) return '–';
  switch (target.kind) {
    case 'ratio-at-least':
      return `≥ ${(target.min * 100).toFixed(0)}% of reference`;
    case 'ratio-at-most':
      return `≤ ${target.max.toFixed(2)}× reference`;
    case 'ratio-within':
      return `${target.min.toFixed(2)}–${target.max.toFixed(2)}× reference`;
    case 'value-below':
      return `median < ${amount(target.max)} ${unit}`;
  }
}

export function outcomeCell(outcome: Outcome, row: Pick<Comparison, 'target' | 'unit'>): string {
  if (outcome.state === 'no-target') return '–';
  if (outcome.state === 'met') return 'yes';
  if (row.target?.kind === 'ratio-at-least')
    return `no, ${(outcome.by * 100).toFixed(outcome.by < 0.001 ? 2 : 1)} points short`;
  if (row.target?.kind === 'ratio-at-most' || row.target?.kind === 'ratio-within')
    return `no, ${outcome.by.toFixed(2)}× outside`;
  return `no, ${amount(outcome.by)} ${row.unit} over`;
}

export function comparisonsTable(rows: readonly Comparison[]): Table {
  return tableFrom(rows, [
    { header: 'figure', cell: (row) => String(row.figure) },
    { header: 'measured', align: 'left', cell: (row) => row.what },
    { header: 'value', cell: (row) => `${amount(row.measured)} ${row.unit}` },
    { header: 'reference', align: 'left', cell: (row) => row.referenceName },
    { header: 'reference value', cell: (row) => `${amount(row.reference)} ${row.unit}` },
    // One decimal where a target is at stake, so 84.96% does not read as a met 85%.
    {
      header: 'ratio',
      cell: (row) =>
        row.target?.kind === 'ratio-at-least'
          ? `${(row.ratio * 100).toFixed(1)}%`
          : row.unit === '% of a core'
            ? format.percent(row.ratio * 100)
            : format.ratio(row.ratio),
    },
    { header: 'target', align: 'left', cell: (row) => targetCell(row.target, row.unit) },
    { header: 'met?', align: 'left', cell: (row) => outcomeCell(row.outcome, row) },
  ]);
}

/** Who used the CPU in a window: the server, the load generator, everything else. */
const cpuFields = <T>(of: (item: T) => WindowCpu): Field<T>[] => [
  { header: 'server CPU %', cell: (item) => cpu(of(item).serverCpuPercent) },
  { header: 'generator CPU %', cell: (item) => cpu(of(item).generatorCpuPercent) },
  { header: 'others CPU %', cell: (item) => cpu(of(item).foreignCpuPercent) },
];
const failuresField = <T>(of: (item: T) => LoadFigures): Field<T> => ({
  header: 'errors / timeouts / non-2xx',
  cell: (item) => `${of(item).errors} / ${of(item).timeouts} / ${of(item).non2xx}`,
});

type FrameworkRun = BenchReport['framework']['runs'][number];

export function frameworkTable(report: BenchReport): Table {
  return tableFrom<FrameworkRun>(report.framework.runs, [
    { header: 'pair', cell: (run) => String(run.pair) },
    {
      header: 'server',
      align: 'left',
      cell: (run) => (run.server === 'hono' ? 'Hono (inline server)' : 'bare node:http'),
    },
    { header: 'req/s', cell: (run) => format.perSecond(run.load.requestsPerSecond) },
    { header: 'p50 ms', cell: (run) => format.ms(run.load.p50Ms) },
    { header: 'p99 ms', cell: (run) => format.ms(run.load.p99Ms) },
    ...cpuFields<FrameworkRun>((run) => run.cpu),
    {
      header: 'server CPU µs / request',
      cell: (run) => {
        const perRequest = serverCpuUsPerRequest(run);
        return perRequest === null ? format.MISSING : amount(perRequest);
      },
    },
    failuresField<FrameworkRun>((run) => run.load),
  ]);
}

export function dispatchTable(report: BenchReport): Table {
  return tableFrom<DispatchSeries>(report.dispatch.series, [
    {
      header: 'path',
      align: 'left',
      cell: (series) => (series.path === 'direct' ? 'direct call' : `pool of ${report.dispatch.poolSize}`),
    },
    {
      header: 'piscina atomics',
      align: 'left',
      cell: (series) =>
        series.atomics === null ? '–' : series.atomics === 'default' ? "default (the server's)" : series.atomics,
    },
    { header: 'callers', cell: (series) => String(series.concurrency) },
    { header: 'round-trips', cell: (series) => format.count(series.tasks) },
    { header: 'median µs', cell: (series) => amount(series.medianUs) },
    { header: 'p99 µs', cell: (series) => amount(series.p99Us) },
    { header: 'µs per task (wall / tasks)', cell: (series) => amount(usPerTask(series)) },
  ]);
}

export function limitsTable(report: BenchReport): Table {
  return tableFrom<LimitRun>(
    limitRuns(report).map(({ run }) => run),
    [
      { header: 'variant', align: 'left', cell: (run) => `${run.variant}${sizeLabel(run)}` },
      { header: 'clients', cell: (run) => String(run.connections) },
      { header: 'CPU ms / request', cell: (run) => format.ms(run.limit.cpuMsPerRequest ?? Number.NaN) },
      { header: 'limit req/s', cell: (run) => format.perSecond(run.limit.requestsPerSecond) },
      { header: 'req/s', cell: (run) => format.perSecond(run.load.requestsPerSecond) },
      {
        header: '% of limit',
        cell: (run) => format.percent((run.load.requestsPerSecond / run.limit.requestsPerSecond) * 100),
      },
      { header: 'p99 ms', cell: (run) => format.ms(run.load.p99Ms) },
      ...cpuFields<LimitRun>((run) => run.cpu),
      failuresField<LimitRun>((run) => run.load),
    ],
  );
}

/** Figure 5: every measured window, and what the machine as a whole did in it. */
export function windowsTable(report: BenchReport): Table {
  const windows = measuredWindows(report);
  type Window = (typeof windows)[number];
  return tableFrom<Window>(windows, [
    { header: 'window', align: 'left', cell: (window) => window.name },
    { header: 'seconds', cell: (window) => window.cpu.seconds.toFixed(1) },
    ...cpuFields<Window>((window) => window.cpu),
    {
      header: `machine CPU % (${report.machine.cpus * 100}% = all cores)`,
      cell: (window) => cpu(window.cpu.machineCpuPercent),
    },
  ]);
}
