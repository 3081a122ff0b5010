// The sweep report's tables as plain cells. With --repeat each cell is the median over the runs
// [min–max], as the loadtest tables show repetitions.
import * as format from '../report/format.ts';
import type { VariantRun } from '../report/model.ts';
import { groupOf, type VariantGroup } from '../report/runs.ts';
import { type Field, spread, type Table as CellTable, tableOfGroups } from '../report/tables.ts';
import { percentOfLimitCell, rateWithInterval } from '../report/trust.ts';
import { uslThroughput } from '../sizing/usl.ts';
import { pointName } from './point-name.ts';
import type { SweepReport, SweepSeries } from './model.ts';

/** One group per swept value: its runs (one per repetition) and its failures. */
export function pointGroupsOf(series: SweepSeries): { x: number; group: VariantGroup | null }[] {
  const xs = [...new Set([...series.points, ...series.failed].map((point) => point.x))].sort((a, b) => a - b);
  return xs.map((x) => {
    const runs = series.points.filter((point) => point.x === x).map((point) => point.run);
    return { x, group: runs.length === 0 ? null : groupOf(pointName(series, x), runs) };
  });
}

/** The USL curve's req/s at a pool size, when the report has a fit of this series. */
function fittedAt(report: SweepReport, series: SweepSeries): ((x: number) => number) | null {
  const { usl } = report;
  if (series.axis !== '--pool-size' || usl === null || usl.state !== 'fitted') return null;
  return (x) => uslThroughput(usl, x);
}

export function seriesTable(series: SweepSeries, report: SweepReport): CellTable {
  const fitted = fittedAt(report, series);
  const fields: Field[] = [
    {
      header: 'req/s ±95%',
      cell: (group) =>
        group.runs.length === 1
          ? rateWithInterval(group.shown)
          : spread((run) => run.requestsPerSecond, format.perSecond)(group),
    },
    ...(fitted === null
      ? []
      : // Each row's group is named by its x (below).
        [{ header: 'USL req/s', cell: (group: VariantGroup) => format.perSecond(fitted(Number(group.variant))) }]),
    {
      header: '% of limit',
      cell: (group) => percentOfLimitCell(group.shown) ?? spread((run) => run.percentOfLimit, format.percent)(group),
    },
    { header: 'p50 ms', cell: spread((run) => run.latencyMs?.p50 ?? null, format.ms) },
    { header: 'p99 ms', cell: spread((run) => run.latencyMs?.p99 ?? null, format.ms) },
    { header: '/health p99 ms', cell: spread((run) => run.health.latencyMs?.p99 ?? null, format.ms) },
    { header: 'CPU %', cell: spread((run) => run.server.cpuPercent, format.percent) },
    { header: 'busy threads', cell: spread((run) => run.server.busyThreads, String) },
    { header: 'memory', cell: spread((run) => run.server.residentBytes, format.mebibytes) },
    {
      header: 'errors / timeouts / non-2xx',
      cell: (group) =>
        [(run: VariantRun) => run.errors, (run: VariantRun) => run.timeouts, (run: VariantRun) => run.non2xx]
          .map((count) => spread(count, format.count)(group))
          .join(' / '),
    },
  ];
  const groups = pointGroupsOf(series);
  const rows = groups.map(({ x, group }) =>
    group === null ? { state: 'failed' as const, variant: String(x), failures: [] } : { ...group, variant: String(x) },
  );
  return tableOfGroups(rows, fields, { header: series.axis, of: (group) => group.variant });
}

export function seriesTitle(series: SweepSeries, report: SweepReport): string {
  return series.kind === 'size'
    ? `${series.variant}: ${series.axis} with ${format.clients(report.parameters.sizeClients)}`
    : `${series.variant}: clients`;
}

/** Each point as a group of its runs, named as the conclusions name it: "pool --pool-size 4". */
export function pointGroups(report: SweepReport) {
  return report.series.flatMap((series) =>
    pointGroupsOf(series).flatMap(({ group }) => (group === null ? [] : [group])),
  );
}
