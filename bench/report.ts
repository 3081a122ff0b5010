// BenchReport -> markdown. Pure: takes the report, returns text; never measures or writes.
import { markdownTable } from '../loadtests/report/markdown.ts';
import { provenanceLines } from '../loadtests/report/provenance-lines.ts';
import { closingNote } from './closing-note.ts';
import type { BenchReport } from './model.ts';
import { benchProvenance, benchSections } from './sections.ts';
import { comparisons } from './targets.ts';

export const BENCH_TITLE = "make bench: how close the pack's servers come to what the machine allows";

export function renderBenchMarkdown(report: BenchReport): string {
  const rows = comparisons(report);
  return `${[
    `# ${BENCH_TITLE}`,
    [...provenanceLines(report), ...benchProvenance(report)].join('\n'),
    ...benchSections(report, rows).flatMap((section) => [
      `## ${section.title}`,
      markdownTable(section.table),
      ...section.notes,
    ]),
    '## Closing note',
    closingNote(report, rows)
      .map((line) => `- ${line}`)
      .join('\n'),
  ].join('\n\n')}\n`;
}
