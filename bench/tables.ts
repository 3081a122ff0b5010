// The bench report's tables as plain cells (loadtests/report/tables.ts's Table), from the model.
import * as format from '../loadtests/report/format.ts';
import type { Column, Table } from '../loadtests/report/tables.ts';
import type { BenchReport, DispatchSeries, LoadFigures, WindowCpu } from './model.ts';
import type { Comparison, Outcome, Target } from './comparison.ts';
import { limitRuns } from './target-values.ts';
import { serverCpuUsPerRequest, sizeLabel } from './targets.ts';

/** The pace at which the pool (or the direct call) got through the tasks. */
export const usPerTask = (series: DispatchSeries): number => (series.elapsedMs * 1000) / series.tasks;

const left = (header: string): Column => ({ header, align: 'left' });
const right = (header: string): Column => ({ header, align: 'right' });

/** Small figures (µs, ratios of tiny numbers) keep two decimals; big ones none. */
export function amount(value: number): string {
  return Math.abs(value) >= 100 ? format.count(Math.round(value)) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

const cpu = (percent: number | null): string => (percent === null ? format.MISSING : `${percent.toFixed(0)}%`);
const failures = (load: LoadFigures): string => `${load.errors} / ${load.timeouts} / ${load.non2xx}`;

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
  return {
    columns: [
      right('figure'),
      left('measured'),
      right('value'),
      left('reference'),
      right('reference value'),
      right('ratio'),
      left('target'),
      left('met?'),
    ],
    rows: rows.map((row) => [
      String(row.figure),
      row.what,
      `${amount(row.measured)} ${row.unit}`,
      row.referenceName,
      `${amount(row.reference)} ${row.unit}`,
      // One decimal where a target is at stake, so 84.96% does not read as a met 85%.
      row.target?.kind === 'ratio-at-least'
        ? `${(row.ratio * 100).toFixed(1)}%`
        : row.unit === '% of a core'
          ? format.percent(row.ratio * 100)
          : format.ratio(row.ratio),
      targetCell(row.target, row.unit),
      outcomeCell(row.outcome, row),
    ]),
  };
}

const cpuColumns = [right('server CPU %'), right('generator CPU %'), right('others CPU %')];
const cpuCells = (window: WindowCpu): string[] => [
  cpu(window.serverCpuPercent),
  cpu(window.generatorCpuPercent),
  cpu(window.foreignCpuPercent),
];

export function frameworkTable(report: BenchReport): Table {
  return {
    columns: [
      right('pair'),
      left('server'),
      right('req/s'),
      right('p50 ms'),
      right('p99 ms'),
      ...cpuColumns,
      right('server CPU µs / request'),
      right('errors / timeouts / non-2xx'),
    ],
    rows: report.framework.runs.map((run) => {
      const perRequest = serverCpuUsPerRequest(run);
      return [
        String(run.pair),
        run.server === 'hono' ? 'Hono (inline server)' : 'bare node:http',
        format.perSecond(run.load.requestsPerSecond),
        format.ms(run.load.p50Ms),
        format.ms(run.load.p99Ms),
        ...cpuCells(run.cpu),
        perRequest === null ? format.MISSING : amount(perRequest),
        failures(run.load),
      ];
    }),
  };
}

export function dispatchTable(report: BenchReport): Table {
  return {
    columns: [
      left('path'),
      left('piscina atomics'),
      right('callers'),
      right('round-trips'),
      right('median µs'),
      right('p99 µs'),
      right('µs per task (wall / tasks)'),
    ],
    rows: report.dispatch.series.map((series) => [
      series.path === 'direct' ? 'direct call' : `pool of ${report.dispatch.poolSize}`,
      series.atomics === null ? '–' : series.atomics === 'default' ? "default (the server's)" : series.atomics,
      String(series.concurrency),
      format.count(series.tasks),
      amount(series.medianUs),
      amount(series.p99Us),
      amount(usPerTask(series)),
    ]),
  };
}

export function limitsTable(report: BenchReport): Table {
  return {
    columns: [
      left('variant'),
      right('clients'),
      right('CPU ms / request'),
      right('limit req/s'),
      right('req/s'),
      right('% of limit'),
      right('p99 ms'),
      ...cpuColumns,
      right('errors / timeouts / non-2xx'),
    ],
    rows: limitRuns(report).map(({ run }) => [
      `${run.variant}${sizeLabel(run)}`,
      String(run.connections),
      format.ms(run.limit.cpuMsPerRequest ?? Number.NaN),
      format.perSecond(run.limit.requestsPerSecond),
      format.perSecond(run.load.requestsPerSecond),
      format.percent((run.load.requestsPerSecond / run.limit.requestsPerSecond) * 100),
      format.ms(run.load.p99Ms),
      ...cpuCells(run.cpu),
      failures(run.load),
    ]),
  };
}

/** Figure 5: every measured window, and what the machine as a whole did in it. */
export function windowsTable(report: BenchReport): Table {
  const windows = [
    ...report.framework.runs.map((run) => ({ name: `figure 1, pair ${run.pair}, ${run.server}`, cpu: run.cpu })),
    ...limitRuns(report).map(({ figure, run }) => ({ name: `figure ${figure}, ${run.variant}`, cpu: run.cpu })),
  ];
  return {
    columns: [
      left('window'),
      right('seconds'),
      ...cpuColumns,
      right(`machine CPU % (${report.machine.cpus * 100}% = all cores)`),
    ],
    rows: windows.map((window) => [
      window.name,
      window.cpu.seconds.toFixed(1),
      ...cpuCells(window.cpu),
      cpu(window.cpu.machineCpuPercent),
    ]),
  };
}
