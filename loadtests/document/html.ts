// ReportDocument -> one self-contained HTML page: the answer and the hero chart on the first screen,
// where the numbers come from, then the sections, their evidence folded in <details>. The page's
// inline style serves the screen and A4 print; tables have the markdown's cells. Pure.
import { escapeXml } from '../report/svg.ts';
import type { Block, Chart, ReportDocument, Table } from './model.ts';

export const escapeHtml = escapeXml;

/** A sentence written for the markdown, as HTML: escaped, with its `code` spans kept. */
export function inlineMarkdown(sentence: string): string {
  return escapeHtml(sentence).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export function htmlTable(table: Table, className = ''): string {
  const align = (index: number): string => (table.columns[index]?.align === 'right' ? ' class="r"' : '');
  const head = table.columns.map((column, i) => `<th${align(i)} scope="col">${escapeHtml(column.header)}</th>`);
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${align(i)}>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
  );
  return `<div class="scroll"><table${className === '' ? '' : ` class="${className}"`}><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

export function figure(caption: string, content: string): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${content}</figure>`;
}

function section(title: string, lead: string | null, content: readonly string[], attributes = ''): string {
  const conclusion = lead === null ? '' : `<p class="conclusion">${inlineMarkdown(lead)}</p>`;
  return `<section${attributes}><h2>${escapeHtml(title)}</h2>${conclusion}${content.join('\n')}</section>`;
}

export const list = (sentences: readonly string[], className = ''): string =>
  `<ul${className === '' ? '' : ` class="${className}"`}>${sentences.map((s) => `<li>${inlineMarkdown(s)}</li>`).join('')}</ul>`;

// Screen: one readable column. Print: A4 with small margins, tables in a smaller type so the
// widest (15 columns) fits the width, and no figure or table split across two pages.
const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, sans-serif; color: #111; background: #fff; max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 1.5em; margin: 0.2em 0 0.6em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #bbb; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin-top: 1.4em; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 8px 0; }
th, td { border: 1px solid #bbb; padding: 3px 7px; vertical-align: top; }
thead th { background: #eee; }
tbody th { text-align: left; font-weight: 600; }
.r { text-align: right; }
.scroll { overflow-x: auto; }
figure { margin: 14px 0; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { display: block; width: 100%; max-width: 720px; height: auto; }
ul.findings li { margin: 4px 0; }
ul.provenance { list-style: none; padding-left: 0; }
code { background: #f2f2f2; padding: 0 3px; border-radius: 3px; }
pre { background: #f6f6f6; padding: 8px; overflow-x: auto; font-size: 12px; }
.answer { background: #eef5ee; border-left: 4px solid #2a7a2a; padding: 4px 14px; }
.answer h2 { border: none; margin-top: 0.4em; }
.answer li { font-size: 1.08em; font-weight: 600; margin: 3px 0; }
.conclusion { font-weight: 600; }
#hero svg.chart { max-height: 380px; }
ul.provenance { font-size: 0.92em; color: #333; }
details { margin: 8px 0; }
summary { cursor: pointer; font-weight: 600; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  .scroll { overflow: visible; }
  table { font-size: 7pt; }
  th, td { padding: 1px 3px; }
  h2, h3, figcaption { break-after: avoid; }
  table, figure, pre { break-inside: avoid; }
  pre { white-space: pre-wrap; font-size: 7pt; }
}`;

/**
 * The whole page. Its Content-Security-Policy forbids every fetch (no script, font, image or
 * stylesheet from anywhere but the page itself): the page works offline by construction, and a
 * request added by mistake shows up as a console error in the browser test.
 */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function chartHtml(chart: Chart): string {
  if (chart.svg !== null) return figure(chart.caption, chart.svg);
  if (chart.text !== null) return figure(chart.caption, `<pre>${escapeHtml(chart.text.join('\n'))}</pre>`);
  return '';
}

function render(block: Block): string {
  switch (block.kind) {
    case 'table':
      return htmlTable(block.table, block.name);
    case 'chart':
      return chartHtml(block.chart);
    case 'notes':
      if (block.lines.length === 0) return '';
      return block.code === true ? `<pre>${escapeHtml(block.lines.join('\n'))}</pre>` : list(block.lines, 'findings');
    case 'details':
      return `<details><summary>${escapeHtml(block.title)}</summary>${block.blocks.map(render).join('\n')}</details>`;
  }
}

export function renderHtml(document: ReportDocument): string {
  const body = [
    `<h1>${escapeHtml(document.title)}</h1>`,
    section('The answer', null, [list(document.answer)], ' class="answer" id="answer"'),
    document.hero === null ? '' : `<div id="hero">${chartHtml(document.hero)}</div>`,
    section('Where these numbers come from', null, [list(document.provenance, 'provenance')]),
    ...document.sections.map(({ title, conclusion, blocks }) => section(title, conclusion, blocks.map(render))),
  ].join('\n');
  return page(document.title, body);
}
