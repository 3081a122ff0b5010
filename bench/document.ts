// make bench's report as the one document: targets met and missed first, the ratios against their
// targets as the hero, then one section per figure and the closing note. Pure.
import { chart, notes, type ReportDocument, table } from '../loadtests/document/model.ts';
import { provenanceLines } from '../loadtests/report/provenance-lines.ts';
import { sectionCharts } from './charts.ts';
import { closingNote, targetsLine } from './closing-note.ts';
import type { Comparison } from './comparison.ts';
import type { BenchReport } from './model.ts';
import { benchProvenance, benchSections } from './sections.ts';
import { outcomeCell, targetCell } from './tables.ts';
import { comparisons } from './targets.ts';

const BENCH_TITLE = "make bench: the pack's servers against what the machine allows";

/** Whole rows of the answer at most: the count, then each target missed. */
const MISSES_SHOWN = 4;

function benchAnswer(rows: readonly Comparison[]): string[] {
  const lines = rows
    .filter((row) => row.outcome.state === 'missed')
    .map(
      (row) =>
        `Missed: figure ${row.figure}, ${row.what}: ${outcomeCell(row.outcome, row)} (target ${targetCell(row.target, row.unit)}).`,
    );
  return [
    targetsLine(rows),
    ...lines.slice(0, MISSES_SHOWN),
    ...(lines.length > MISSES_SHOWN ? [`And ${lines.length - MISSES_SHOWN} more missed: see Ratios.`] : []),
  ];
}

export function benchDocument(report: BenchReport): ReportDocument {
  const rows = comparisons(report);
  const charts = sectionCharts(report, rows);
  const [hero, ...ratioCharts] = charts.ratios;
  const note = closingNote(report, rows);
  return {
    title: BENCH_TITLE,
    provenance: [...provenanceLines(report), ...benchProvenance(report)],
    answer: benchAnswer(rows),
    hero: hero ?? null,
    sections: [
      ...benchSections(report, rows).map((section) => ({
        title: section.title,
        conclusion: null,
        blocks: [
          table(section.table, section.id),
          ...(section.id === 'ratios' ? ratioCharts : charts[section.id]).map(chart),
          notes(section.notes),
        ],
      })),
      { title: 'Closing note', conclusion: null, blocks: [notes(note)] },
    ],
  };
}
