// The HTML report's shell and its pieces: the page with its inline style (screen and A4 print),
// tables from the same cells as the markdown's, and the markdown's inline code spans as <code>.
import { escapeXml } from '../report/svg.ts';
import type { Table } from '../report/tables.ts';

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

export function section(title: string, ...content: readonly string[]): string {
  return `<section><h2>${escapeHtml(title)}</h2>${content.join('\n')}</section>`;
}

export const paragraph = (sentence: string): string => `<p>${inlineMarkdown(sentence)}</p>`;

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
.note { color: #444; font-size: 0.92em; }
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
