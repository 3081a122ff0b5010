// The report's tables as plain cells: the terminal and the markdown render the same ones. With
// --repeat, each numeric cell is the per-run median of the runs followed by [min–max]; a variant
// that could not be measured is a row that says so.
import { type Field as CellField, type Table, tableFrom } from '../document/model.ts';
import { counted, fromStats, measured, p99Cell, spread } from './cells.ts';
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { baselineRun, rowGroups, type RowGroup, type VariantGroup } from './runs.ts';
import { percentOfLimitCell, rateWithInterval } from './trust.ts';

export type { Table } from '../document/model.ts';

/** A column of a report's table: by default, one cell per variant group. */
export type Field<T = VariantGroup> = CellField<T>;

export { spread };

/** Where a variant that could not be measured has no figure; the findings say why. */
export const FAILED_CELL = 'failed';

/** What the first column names: the variant, or a sweep's point. */
export interface RowLabel {
  readonly header: string;
  readonly of: (group: RowGroup) => string;
}

const VARIANT_LABEL: RowLabel = { header: 'variant', of: (group) => group.variant };

/** One row per group; a group that could not be measured says so in its first figure. */
export function tableOfGroups(groups: readonly RowGroup[], fields: readonly Field[], label = VARIANT_LABEL): Table {
  return tableFrom<RowGroup>(groups, [
    { header: label.header, align: 'left', cell: label.of },
    ...fields.map((field, index) => ({
      ...field,
      cell: (group: RowGroup) => (group.state === 'measured' ? field.cell(group) : index === 0 ? FAILED_CELL : '–'),
    })),
  ]);
}

const tableOf = (report: Report, fields: readonly Field[]): Table => tableOfGroups(rowGroups(report), fields);

export function sizeCell(run: VariantRun): string {
  return run.size === null ? '–' : `${run.size.flag.replace(/^--/, '')} ${run.size.value}`;
}

export function resultsTable(report: Report): Table {
  const baseline = baselineRun(report);
  return tableOf(report, [
    { header: 'size', cell: (group) => sizeCell(group.shown) },
    {
      header: 'req/s ±95%',
      cell: (group) =>
        group.runs.length === 1
          ? rateWithInterval(group.shown)
          : spread((run) => run.requestsPerSecond, format.perSecond)(group),
    },
    {
      header: '% of limit',
      cell: (group) => percentOfLimitCell(group.shown) ?? measured((run) => run.percentOfLimit, format.percent)(group),
    },
    {
      header: `× ${report.baseline}`,
      cell: spread(
        (run) =>
          baseline === undefined || baseline.requestsPerSecond === 0
            ? null
            : run.requestsPerSecond / baseline.requestsPerSecond,
        format.ratio,
      ),
    },
    { header: report.parameters.repeat > 1 ? 'requests per run' : 'requests', cell: counted((run) => run.requests) },
    { header: 'mean ms', cell: spread((run) => run.latencyMs?.mean ?? null, format.ms) },
    { header: 'p50 ms', cell: spread((run) => run.latencyMs?.p50 ?? null, format.ms) },
    { header: 'p90 ms', cell: spread((run) => run.latencyMs?.p90 ?? null, format.ms) },
    {
      header: 'p99 ms',
      cell: (g) =>
        p99Cell(
          g,
          (run) => run.latencyPercentiles.p99,
          (run) => run.latencyMs?.p99 ?? null,
        ),
    },
    { header: 'max ms', cell: spread((run) => run.latencyMs?.max ?? null, format.ms) },
    {
      header: 'errors / timeouts / non-2xx',
      cell: (group) =>
        [counted((run) => run.errors), counted((run) => run.timeouts), counted((run) => run.non2xx)]
          .map((f) => f(group))
          .join(' / '),
    },
  ]);
}

export function serverTable(report: Report): Table {
  return tableOf(report, [
    { header: 'max in flight', cell: measured((run) => run.server.maxInFlight, String) },
    { header: 'CPU %', cell: measured((run) => run.server.cpuPercent, format.percent) },
    { header: 'busy threads', cell: measured((run) => run.server.busyThreads, String) },
    { header: 'threads', cell: measured((run) => run.server.threads, String) },
    { header: 'memory', cell: measured((run) => run.server.residentBytes, format.mebibytes) },
    { header: 'health p50 ms', cell: spread((run) => run.health.latencyMs?.p50 ?? null, format.ms) },
    {
      header: 'health p99 ms',
      cell: (g) =>
        p99Cell(
          g,
          (run) => run.health.p99,
          (run) => run.health.latencyMs?.p99 ?? null,
        ),
    },
    { header: 'health max ms', cell: spread((run) => run.health.latencyMs?.max ?? null, format.ms) },
    { header: 'loop delay p99 ms', cell: fromStats((run) => run.server.eventLoop?.delayP99Ms ?? null, format.ms) },
    {
      header: 'loop busy',
      cell: fromStats(
        (run) => (run.server.eventLoop === null ? null : run.server.eventLoop.utilization * 100),
        format.percent,
      ),
    },
    { header: 'pool wait ms', cell: fromStats((run) => run.server.pool?.waitMs.mean ?? null, format.ms) },
    { header: 'pool run ms', cell: fromStats((run) => run.server.pool?.runMs.mean ?? null, format.ms) },
    {
      header: 'pool busy',
      cell: fromStats((run) => (run.server.pool === null ? null : run.server.pool.utilization * 100), format.percent),
    },
    { header: 'fairness', cell: spread((run) => run.fairness, format.share) },
  ]);
}

/** The noise guard's columns: who else used the CPU during each window. */
const NEIGHBOUR_FIELDS: readonly Field[] = [
  { header: 'load generator CPU %', cell: measured((run) => run.neighbours.generatorCpuPercent, format.percent) },
  { header: 'foreign CPU %', cell: measured((run) => run.neighbours.foreignCpuPercent, format.percent) },
  {
    header: 'health probes sent / failed',
    cell: (group) => `${counted((run) => run.health.sent)(group)} / ${counted((run) => run.health.failed)(group)}`,
  },
];

/** The noise guard for any groups: a report's variants, or a sweep's points named by `label`. */
export function noiseGuardTable(groups: readonly RowGroup[], label?: RowLabel): Table {
  return tableOfGroups(groups, NEIGHBOUR_FIELDS, label);
}

export function neighboursTable(report: Report): Table {
  return noiseGuardTable(rowGroups(report));
}

export function limitsTable(report: Report): Table {
  return tableOf(report, [
    {
      header: 'CPU ms / request',
      cell: (group) =>
        group.shown.limit === null
          ? format.NOT_MEASURED
          : spread((run) => run.limit?.cpuMsPerRequest ?? null, format.ms)(group),
    },
    { header: 'limit req/s', cell: measured((run) => run.limit?.requestsPerSecond ?? null, format.perSecond) },
    {
      header: 'how the limit was obtained',
      align: 'left',
      cell: (group) =>
        group.summary.limit?.basis ?? `${format.NOT_MEASURED}: the target has no /stats and no --target-pid was given`,
    },
  ]);
}
