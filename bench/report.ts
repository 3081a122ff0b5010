// BenchReport -> markdown. Pure: takes the report, returns text; never measures or writes.
import { CALIBRATION_NOTE, markdownTable } from '../loadtests/report/markdown.ts';
import { provenanceLines } from '../loadtests/report/provenance-lines.ts';
import * as format from '../loadtests/report/format.ts';
import { closingNote } from './closing-note.ts';
import type { BenchReport } from './model.ts';
import { comparisonsTable, dispatchTable, frameworkTable, limitsTable, startupTable, windowsTable } from './tables.ts';
import { comparisons } from './targets.ts';

function provenance(report: BenchReport): string {
  const { machine, framework, limits, dispatch } = report;
  return [
    ...provenanceLines(report),
    `- Load generator: autocannon in the bench process, on the same ${machine.cpus} cores as the server it measures (figure 5 says how much it took)`,
    `- Figure 1: ${format.plural(framework.connections, 'connection')}, ${framework.durationSeconds} s per run after ${framework.warmupSeconds} s warm-up per server, ${framework.runs.length / 2} Hono / bare pairs alternated`,
    `- Figure 2: a pool of ${dispatch.poolSize} threads with the server's piscina options; a task that returns its input`,
    `- Figures 3-4: ${format.clients(limits.pool.connections)}, ${limits.pool.durationSeconds} s after ${limits.pool.warmupSeconds} s warm-up, ${format.count(limits.pool.iterations)} iterations per request; measured as \`make loadtest\` measures a row, its /health bystander included`,
  ].join('\n');
}

export function renderBenchMarkdown(report: BenchReport): string {
  const rows = comparisons(report);
  return `${[
    "# make bench: how close the pack's servers come to what the machine allows",
    provenance(report),
    '## Ratios',
    markdownTable(comparisonsTable(rows)),
    '## Figure 1: framework overhead on /health',
    markdownTable(frameworkTable(report)),
    'Latencies are client-side (autocannon records whole milliseconds, so sub-millisecond differences do not show). ' +
      'CPU columns: 100% = one core over the run. "others" is the whole machine (/proc/stat) minus the server and the generator.',
    '## Figure 2: pool dispatch overhead',
    markdownTable(dispatchTable(report)),
    '## Figures 3 and 4: CPU-bound variants against their physical limit',
    markdownTable(limitsTable(report)),
    CALIBRATION_NOTE,
    '## Figure 5: who used the CPU in each window',
    markdownTable(windowsTable(report)),
    '## Figure 6: start-up (spawn to listening line)',
    markdownTable(startupTable(report)),
    `Every server is started as the pack starts it (\`node --import tsx\`), so start-up includes compiling TypeScript. ` +
      `"First answers": spawn to the answers of ${report.machine.cpus} requests sent at once right after the listening line, one per core; it also counts threads a server loads after that line.`,
    '## Closing note',
    closingNote(report, rows)
      .map((line) => `- ${line}`)
      .join('\n'),
  ].join('\n\n')}\n`;
}
