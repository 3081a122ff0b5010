// ReportDocument -> one self-contained HTML page: the answer and the hero chart on the first screen,
// where the numbers come from, then the sections, their evidence folded in <details>. Pure.
import { escapeHtml, figure, htmlTable, inlineMarkdown, list, page } from './html-page.ts';
import type { Block, Chart, ReportDocument } from './model.ts';

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
  const sections = document.sections.map(
    (section) =>
      `<section><h2>${escapeHtml(section.title)}</h2>${section.conclusion === null ? '' : `<p class="conclusion">${inlineMarkdown(section.conclusion)}</p>`}${section.blocks.map(render).join('\n')}</section>`,
  );
  const body = [
    `<h1>${escapeHtml(document.title)}</h1>`,
    `<section class="answer" id="answer"><h2>The answer</h2>${list(document.answer)}</section>`,
    document.hero === null ? '' : `<div id="hero">${chartHtml(document.hero)}</div>`,
    `<section><h2>Where these numbers come from</h2>${list(document.provenance, 'provenance')}</section>`,
    ...sections,
  ].join('\n');
  return page(document.title, body);
}
