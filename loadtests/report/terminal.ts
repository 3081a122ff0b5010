// Report -> coloured text for the terminal. Pure: returns a string, prints nothing itself.
import chalk from 'chalk';
import Table from 'cli-table3';
import { findings } from './findings.ts';
import type { Report } from './model.ts';
import { resultsTable, type Table as CellTable } from './tables.ts';

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
  const title = chalk.bold(`${report.scenario} — ${report.parameters.connections} clients, ${report.parameters.durationSeconds} s per variant, ` +
    `${report.parameters.iterations.toLocaleString('en-US')} iterations per request, ${report.machine.cpus} cores`);
  return [title, render(resultsTable(report)), ...findings(report).map((line) => `${chalk.dim('•')} ${line}`)].join('\n');
}
