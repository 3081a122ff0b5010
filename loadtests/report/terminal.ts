// Report -> coloured text for the terminal. Pure: returns a string, prints nothing itself.
import chalk from 'chalk';
import Table from 'cli-table3';
import { sparkline } from './charts.ts';
import { findings } from './findings.ts';
import * as format from './format.ts';
import type { Report } from './model.ts';
import { groupByVariant } from './runs.ts';
import { resultsTable, serverTable, type Table as CellTable } from './tables.ts';
import { swimlanesOf, TERMINAL_SWIMLANES } from './swimlanes.ts';
import { overloadFindings, overloadTable } from './overload-section.ts';

function render(table: CellTable): string {
  const out = new Table({
    head: table.columns.map((column) => chalk.bold(column.header)),
    colAligns: table.columns.map((column) => column.align),
    style: { head: [], border: [] },
  });
  for (const row of table.rows) out.push([chalk.cyan(row[0] ?? ''), ...row.slice(1)]);
  return out.toString();
}

export function renderTerminal(report: Report): string {
  const { parameters } = report;
  const title = chalk.bold(
    `${report.scenario} — ${format.clients(parameters.connections)}, ${parameters.durationSeconds} s per variant, ` +
      `${format.reportWorkUnit(report)}, ${report.machine.cpus} cores`,
  );
  const views = groupByVariant(report).flatMap(({ shown: run }) => [
    `${chalk.cyan(run.variant)}  CPU ${sparkline(run.server.cpuSamples, report.machine.cpus)}`,
    ...swimlanesOf(run, TERMINAL_SWIMLANES).map((line) => `  ${line}`),
  ]);
  const overload = overloadTable(report);
  return [
    title,
    render(resultsTable(report)),
    ...(overload === null ? [] : [render(overload)]),
    render(serverTable(report)),
    ...views,
    ...[...findings(report), ...overloadFindings(report)].map((line) => `${chalk.dim('•')} ${line}`),
  ].join('\n');
}
