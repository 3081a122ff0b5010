// The crossover report as the one document: where the pool starts to pay, per body size, as a
// bracket between measured points; pool ÷ inline against CPU time as the hero; then the tables.
import { ANSWER_MAX_LINES, details, notes, type ReportDocument, table } from '../document/model.ts';
import { textBars } from '../document/phrases.ts';
import * as format from '../report/format.ts';
import { provenanceLines } from '../report/provenance-lines.ts';
import { pairsOf, ratioOf } from './analysis.ts';
import { crossoverAnswer, crossoverFindings, methodLines } from './findings.ts';
import type { CrossoverReport } from './model.ts';
import { ratioChart } from './svg-ratio.ts';
import { bytes, crossoverTable, detailTable, handlerTable, micros, ratioTable } from './tables.ts';

const TITLE = 'Where the pool starts to pay: pool ÷ inline by CPU time per request';
const RATIO_NOTE =
  'pool ÷ inline: req/s of the pool over req/s of inline at the same CPU time per request and body; marked pool or inline where that one served more beyond both 95% intervals.';

/** The hero as text: pool ÷ inline at each CPU point, for the first body size. */
function ratioBars(report: CrossoverReport): string[] {
  const payload = report.parameters.payloads[0] ?? 0;
  return [
    `pool ÷ inline, ${bytes(payload)} body:`,
    ...textBars(
      pairsOf(report.windows, report.parameters.cpuMicros, payload).map((pair) => {
        const ratio = ratioOf(pair);
        return {
          label: micros(pair.cpuMicrosPerRequest),
          value: ratio,
          shown: ratio === null ? format.NOT_MEASURED : format.ratio(ratio),
        };
      }),
    ),
  ];
}

export function crossoverDocument(report: CrossoverReport): ReportDocument {
  const findings = crossoverFindings(report);
  const handler = handlerTable(report);
  const { handler: given } = report.parameters;
  return {
    title: TITLE,
    provenance: [
      ...provenanceLines(report),
      ...(given === null ? [] : [`Handler: \`${given.path}\` (SHA-256 ${given.sha256})`]),
      ...methodLines(report),
    ],
    answer: crossoverAnswer(report).slice(0, ANSWER_MAX_LINES),
    hero: {
      caption: 'pool ÷ inline req/s against CPU time per request',
      svg: ratioChart(report),
      text: ratioBars(report),
      mermaid: null,
    },
    sections: [
      {
        title: 'Crossover per body size',
        conclusion: null,
        blocks: [table(crossoverTable(report), 'crossovers'), notes(findings)],
      },
      { title: 'pool ÷ inline', conclusion: null, blocks: [table(ratioTable(report), 'ratios'), notes([RATIO_NOTE])] },
      ...(handler === null ? [] : [{ title: 'Your handler', conclusion: null, blocks: [table(handler, 'handler')] }]),
      {
        title: 'Every window',
        conclusion: null,
        blocks: [details('Every window', [table(detailTable(report), 'windows')])],
      },
    ],
  };
}
