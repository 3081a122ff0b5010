// ReportDocument -> markdown: the title, the answer and the hero chart first, then where the numbers
// come from, the sections, and every folded block in an appendix at the end. Pure; never ANSI.
import type { Block, Chart, ReportDocument, Table } from './model.ts';

const escapeCell = (cell: string): string => cell.replaceAll('|', '\\|');

export function markdownTable(table: Table): string {
  const header = `| ${table.columns.map((column) => escapeCell(column.header)).join(' | ')} |`;
  const rule = `|${table.columns.map((column) => (column.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

const fenced = (language: string, lines: readonly string[]): string => ['```' + language, ...lines, '```'].join('\n');

function markdownChart(chart: Chart): string | null {
  if (chart.mermaid !== null) return chart.mermaid;
  if (chart.text !== null) return `${chart.caption}\n\n${fenced('text', chart.text)}`;
  return null;
}

interface Folded {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/**
 * The block as markdown; its folded blocks go to `appendix`, named after `where` they came from.
 * Without an appendix (inside one already) a fold is shown in place, under a heading of its own.
 */
function render(block: Block, where: string, appendix: Folded[] | null): string | null {
  switch (block.kind) {
    case 'table':
      return markdownTable(block.table);
    case 'chart':
      return markdownChart(block.chart);
    case 'notes':
      if (block.lines.length === 0) return null;
      return block.code === true ? fenced('text', block.lines) : block.lines.map((line) => `- ${line}`).join('\n');
    case 'details':
      if (appendix === null)
        return present([`#### ${block.title}`, ...block.blocks.map((inner) => render(inner, where, null))]).join(
          '\n\n',
        );
      appendix.push({ title: `${where}: ${block.title}`, blocks: block.blocks });
      return `${block.title}: [in the appendix](#appendix).`;
  }
}

const present = (blocks: readonly (string | null)[]): string[] =>
  blocks.filter((block): block is string => block !== null);

export function renderMarkdown(document: ReportDocument): string {
  const appendix: Folded[] = [];
  const sections = document.sections.flatMap((section) => [
    `## ${section.title}`,
    ...present([
      section.conclusion === null ? null : `**${section.conclusion}**`,
      ...section.blocks.map((block) => render(block, section.title, appendix)),
    ]),
  ]);
  const folded = appendix.flatMap((entry) => [
    `### ${entry.title}`,
    ...present(entry.blocks.map((block) => render(block, entry.title, null))),
  ]);
  return `${present([
    `# ${document.title}`,
    '## The answer',
    document.answer.map((line) => `- ${line}`).join('\n'),
    document.hero === null ? null : markdownChart(document.hero),
    '## Where these numbers come from',
    document.provenance.map((line) => `- ${line}`).join('\n'),
    ...sections,
    ...(folded.length === 0 ? [] : ['## Appendix', ...folded]),
  ]).join('\n\n')}\n`;
}
