// Crossover report -> markdown, terminal text and the HTML page, from the same tables and
// sentences. Pure: takes the report, returns text.
import { escapeHtml, figure, htmlTable, list, page, paragraph, section } from '../report/html-page.ts';
import { markdownTable } from '../report/markdown.ts';
import { provenanceLines } from '../report/provenance-lines.ts';
import type { Table } from '../report/tables.ts';
import { pairsOf, ratioOf } from './analysis.ts';
import { crossoverFindings, methodLines } from './findings.ts';
import type { CrossoverReport } from './model.ts';
import { ratioChart } from './svg-ratio.ts';
import { bytes, crossoverTable, detailTable, handlerTable, micros, ratioTable } from './tables.ts';

export const TITLE = 'Where the pool starts to pay: pool ÷ inline against CPU time per request';
const RATIO_NOTE =
  'pool ÷ inline: req/s of the pool over req/s of inline at the same CPU time per request and body; marked pool or inline where that one served more beyond both 95% intervals.';

/** A mermaid chart for code hosts: the points are log-spaced, so categories read as a log axis. */
function mermaidChart(report: CrossoverReport): string | null {
  const { cpuMicros, payloads } = report.parameters;
  const lines = payloads.map((payloadBytes) =>
    pairsOf(report.windows, cpuMicros, payloadBytes).map((pair) => ratioOf(pair)),
  );
  const values = lines.flat();
  if (values.length === 0 || values.some((value) => value === null)) return null;
  const top = Math.max(1.2, ...(values as number[])) * 1.1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title "pool ÷ inline req/s; lines in order: ${payloads.map(bytes).join(', ')}"`,
    `  x-axis "CPU per request (log-spaced points)" [${cpuMicros.map((cpu) => `"${micros(cpu)}"`).join(', ')}]`,
    `  y-axis "pool ÷ inline" 0 --> ${top.toFixed(1)}`,
    ...lines.map((line) => `  line [${line.map((value) => (value ?? 0).toFixed(2)).join(', ')}]`),
    '```',
  ].join('\n');
}

function handlerLine(report: CrossoverReport): string | null {
  const { handler } = report.parameters;
  return handler === null ? null : `- Handler: \`${handler.path}\` (SHA-256 ${handler.sha256})`;
}

export function renderCrossoverMarkdown(report: CrossoverReport): string {
  const handler = handlerTable(report);
  return `${[
    `# ${TITLE}`,
    [...provenanceLines(report), handlerLine(report), ...methodLines(report).map((line) => `- ${line}`)]
      .filter((line): line is string => line !== null)
      .join('\n'),
    '## Findings',
    crossoverFindings(report)
      .map((line) => `- ${line}`)
      .join('\n'),
    '## Crossover per body size',
    markdownTable(crossoverTable(report)),
    '## pool ÷ inline',
    markdownTable(ratioTable(report)),
    RATIO_NOTE,
    mermaidChart(report),
    ...(handler === null ? [] : ['## Your handler', markdownTable(handler)]),
    '## Every window',
    markdownTable(detailTable(report)),
  ]
    .filter((block): block is string => block !== null)
    .join('\n\n')}\n`;
}

/** The terminal: the findings and the two tables that answer the question. */
export function renderCrossoverTerminal(report: CrossoverReport): string {
  const handler = handlerTable(report);
  const tables: Table[] = [crossoverTable(report), ratioTable(report), ...(handler === null ? [] : [handler])];
  return [
    ...tables.map(markdownTable),
    crossoverFindings(report)
      .map((line) => `• ${line}`)
      .join('\n'),
  ].join('\n\n');
}

export function renderCrossoverHtml(report: CrossoverReport): string {
  const chart = ratioChart(report);
  const handler = handlerTable(report);
  const body = [
    `<h1>${escapeHtml(TITLE)}</h1>`,
    list(
      [...provenanceLines(report), handlerLine(report), ...methodLines(report).map((line) => `- ${line}`)]
        .filter((line): line is string => line !== null)
        .map((line) => line.replace(/^- /, '')),
      'provenance',
    ),
    section('Findings', list(crossoverFindings(report), 'findings')),
    section(
      'pool ÷ inline',
      chart === null
        ? paragraph('No point had both variants measured: there is nothing to draw.')
        : figure(TITLE, chart),
      htmlTable(ratioTable(report), 'ratios'),
      paragraph(RATIO_NOTE),
    ),
    section('Crossover per body size', htmlTable(crossoverTable(report), 'crossovers')),
    ...(handler === null ? [] : [section('Your handler', htmlTable(handler, 'handler'))]),
    section('Every window', htmlTable(detailTable(report), 'windows')),
  ];
  return page(TITLE, body.join('\n'));
}
