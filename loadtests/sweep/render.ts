// Sweep report -> markdown and terminal text. Pure: takes the report, returns text.
import chalk from 'chalk';
import Table from 'cli-table3';
import * as format from '../report/format.ts';
import { markdownTable, noiseGuardSection } from '../report/markdown.ts';
import { provenanceLines } from '../report/provenance-lines.ts';
import { groupOf } from '../report/runs.ts';
import type { VariantRun } from '../report/model.ts';
import { FAILED_CELL, noiseGuardTable, type Table as CellTable } from '../report/tables.ts';
import { conclusions, pointName } from './conclusions.ts';
import type { SweepReport, SweepSeries } from './model.ts';

const BAR_WIDTH = 30;

function seriesTable(series: SweepSeries): CellTable {
  return {
    columns: [
      { header: series.axis, align: 'right' },
      { header: 'req/s', align: 'right' },
      { header: '% of limit', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p99 ms', align: 'right' },
      { header: 'health p99 ms', align: 'right' },
      { header: 'CPU %', align: 'right' },
      { header: 'busy threads', align: 'right' },
      { header: 'memory', align: 'right' },
      { header: 'errors / timeouts / non-2xx', align: 'right' },
    ],
    rows: [
      ...series.points.map(({ x, run }) => ({ x, cells: measuredCells(run) })),
      ...series.failed.map(({ x }) => ({ x, cells: [FAILED_CELL, ...Array<string>(8).fill('–')] })),
    ]
      .sort((a, b) => a.x - b.x)
      .map(({ x, cells }) => [String(x), ...cells]),
  };
}

function measuredCells(run: VariantRun): string[] {
  return [
    format.perSecond(run.requestsPerSecond),
    format.percent(run.percentOfLimit),
    run.latencyMs === null ? format.MISSING : format.ms(run.latencyMs.p50),
    run.latencyMs === null ? format.MISSING : format.ms(run.latencyMs.p99),
    run.health.latencyMs === null ? format.MISSING : format.ms(run.health.latencyMs.p99),
    format.percent(run.server.cpuPercent),
    run.server.busyThreads === null ? format.MISSING : String(run.server.busyThreads),
    format.mebibytes(run.server.residentBytes),
    `${run.errors} / ${run.timeouts} / ${run.non2xx}`,
  ];
}

function title(series: SweepSeries, report: SweepReport): string {
  return series.kind === 'size'
    ? `${series.variant}: ${series.axis} with ${format.clients(report.parameters.sizeClients)}`
    : `${series.variant}: clients`;
}

/** null when a point has no such figure (it served nothing): no chart rather than a made-up 0. */
function chart(series: SweepSeries, what: 'req/s' | 'p99 ms'): string | null {
  const maybe = series.points.map(({ run }) =>
    what === 'req/s' ? run.requestsPerSecond : (run.latencyMs?.p99 ?? null),
  );
  if (maybe.length === 0 || maybe.some((value) => value === null)) return null;
  const values = maybe as number[];
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${series.variant}: ${what} by ${series.axis}"`,
    `  x-axis "${series.axis}" [${series.points.map(({ x }) => `"${x}"`).join(', ')}]`,
    `  y-axis "${what}" 0 --> ${Math.ceil(Math.max(...values) * 1.1)}`,
    `  line [${values.map((value) => value.toFixed(1)).join(', ')}]`,
    '```',
  ].join('\n');
}

export function renderSweepMarkdown(report: SweepReport): string {
  const { parameters } = report;
  return `${[
    '# Sweep: pool sizes and clients',
    [
      ...provenanceLines(report),
      `- Each point: a fresh server, ${parameters.warmupSeconds} s warm-up, ${parameters.durationSeconds} s measured with the curl-loops clients; ${format.workUnit('cpu', parameters.settings)}`,
      `- Size sweeps ran ${format.clients(parameters.sizeClients)}; other settings: ${format.settings(parameters.settings)}`,
    ].join('\n'),
    '## Conclusions',
    conclusions(report)
      .map((line) => `- ${line}`)
      .join('\n'),
    ...report.series.flatMap((series) => [
      `## ${title(series, report)}`,
      markdownTable(seriesTable(series)),
      chart(series, 'req/s'),
      chart(series, 'p99 ms'),
    ]),
    ...noiseGuardSection(noiseGuardTable(pointGroups(report), { header: 'point', of: (group) => group.variant })),
  ]
    .filter((block): block is string => block !== null)
    .join('\n\n')}\n`;
}

/** Each point as a group of one run, named as the conclusions name it: "pool --pool-size 4". */
function pointGroups(report: SweepReport) {
  return report.series.flatMap((series) => series.points.map(({ x, run }) => groupOf(pointName(series, x), [run])));
}

export function renderSweepTerminal(report: SweepReport): string {
  const blocks = report.series.map((series) => {
    const table = new Table({
      head: seriesTable(series).columns.map((column) => chalk.bold(column.header)),
      colAligns: seriesTable(series).columns.map((c) => c.align),
      style: { head: [], border: [] },
    });
    for (const row of seriesTable(series).rows) table.push([...row]);
    const best = Math.max(...series.points.map(({ run }) => run.requestsPerSecond));
    const bars = series.points.map(
      ({ x, run }) =>
        `  ${String(x).padStart(3)} ${'█'.repeat(Math.round((run.requestsPerSecond / best) * BAR_WIDTH)).padEnd(BAR_WIDTH)} ${format.perSecond(run.requestsPerSecond)} req/s`,
    );
    return [chalk.bold(title(series, report)), table.toString(), ...bars].join('\n');
  });
  return [...blocks, ...conclusions(report).map((line) => `${chalk.dim('•')} ${line}`)].join('\n\n');
}
