// ReportDocument -> coloured text for the terminal: the title, each section's conclusion, tables and
// text charts, and, last, the answer, so that it sits just above the lines naming the files the
// run wrote. Folded blocks stay in the report files. Pure: returns a string, prints nothing.
import chalk from 'chalk';
import CliTable from 'cli-table3';
import type { Block, ReportDocument, Table } from './model.ts';

export function terminalTable(table: Table): string {
  const out = new CliTable({
    head: table.columns.map((column) => chalk.bold(column.header)),
    colAligns: table.columns.map((column) => column.align),
    style: { head: [], border: [] },
  });
  for (const row of table.rows) out.push([chalk.cyan(row[0] ?? ''), ...row.slice(1)]);
  return out.toString();
}

function render(block: Block): string | null {
  switch (block.kind) {
    case 'table':
      return terminalTable(block.table);
    case 'chart':
      return block.chart.text === null ? null : [chalk.dim(block.chart.caption), ...block.chart.text].join('\n');
    case 'notes':
      return block.code === true || block.lines.length === 0
        ? null
        : block.lines.map((line) => `${chalk.dim('•')} ${line}`).join('\n');
    case 'details':
      return null;
  }
}

/** Everything but the answer: a run of several reports prints each body, then all the answers last. */
export function terminalBody(document: ReportDocument): string {
  const sections = document.sections.flatMap((section) => [
    chalk.bold.underline(section.title),
    ...(section.conclusion === null ? [] : [chalk.bold(section.conclusion)]),
    ...section.blocks.map(render).filter((text): text is string => text !== null),
  ]);
  const hero = document.hero?.text ?? null;
  return [chalk.bold(document.title), ...sections, ...(hero === null ? [] : [hero.join('\n')])].join('\n\n');
}

export const renderTerminal = (document: ReportDocument): string =>
  `${terminalBody(document)}\n\n${terminalAnswer(document)}`;

/** The answer block alone: a run of several reports repeats each above the files it wrote. */
export function terminalAnswer(document: ReportDocument): string {
  return [chalk.bold.green(`The answer: ${document.title}`), ...document.answer.map((line) => chalk.bold(line))].join(
    '\n',
  );
}
