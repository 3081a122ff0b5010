// The bench report's sections, in order: each a title, its table and the notes under it. The
// markdown and the HTML page both render this one list, so a figure added here appears in both.
import { CALIBRATION_NOTE } from '../loadtests/report/report-notes.ts';
import * as format from '../loadtests/report/format.ts';
import type { Table } from '../loadtests/report/tables.ts';
import type { Comparison } from './comparison.ts';
import type { BenchReport, Pinning } from './model.ts';
import { startupTable } from './startup-table.ts';
import { comparisonsTable, dispatchTable, frameworkTable, limitsTable, windowsTable } from './tables.ts';

/** What the page draws beside a section's table; the markdown ignores it. */
export type SectionId = 'ratios' | 'framework' | 'dispatch' | 'limits' | 'windows' | 'startup';

export interface BenchSection {
  readonly id: SectionId;
  readonly title: string;
  readonly table: Table;
  readonly notes: readonly string[];
}

function pinningText(pinning: Pinning): string {
  return pinning.state === 'pinned'
    ? `server pinned to core ${pinning.serverCore}, generator to core ${pinning.generatorCore} (taskset)`
    : `not pinned (${pinning.reason})`;
}

/** The lines under the title: where the numbers come from and how each figure was measured. */
export function benchProvenance(report: BenchReport): string[] {
  const { machine, framework, limits, dispatch } = report;
  return [
    `Load generator: autocannon in the bench process, on the same ${machine.cpus} cores as the server it measures (figure 5 says how much it took)`,
    `Figure 1: ${format.plural(framework.connections, 'connection')}, ${framework.durationSeconds} s per run after ${framework.warmupSeconds} s warm-up per server, ${framework.runs.length / 2} Hono / bare pairs alternated; ${pinningText(framework.pinning)}`,
    `Figure 2: a pool of ${dispatch.poolSize} threads with the server's piscina options; a task that returns its input`,
    `Figures 3, 4, 7 and 8: ${format.clients(limits.pool.connections)}, ${limits.pool.durationSeconds} s after ${limits.pool.warmupSeconds} s warm-up, ${format.count(limits.pool.iterations)} iterations per request; measured as \`make loadtest\` measures a row, its /health bystander included`,
  ];
}

export function benchSections(report: BenchReport, rows: readonly Comparison[]): BenchSection[] {
  return [
    { id: 'ratios', title: 'Ratios', table: comparisonsTable(rows), notes: [] },
    {
      id: 'framework',
      title: 'Figure 1: framework overhead on /health',
      table: frameworkTable(report),
      notes: [
        'Latencies are client-side (autocannon records whole milliseconds, so sub-millisecond differences do not show). ' +
          'CPU columns: 100% = one core over the run. "others" is the whole machine (/proc/stat) minus the server and the generator.',
      ],
    },
    { id: 'dispatch', title: 'Figure 2: pool dispatch overhead', table: dispatchTable(report), notes: [] },
    {
      id: 'limits',
      title: 'Figures 3, 4, 7 and 8: CPU-bound variants against their physical limit',
      table: limitsTable(report),
      notes: [CALIBRATION_NOTE],
    },
    { id: 'windows', title: 'Figure 5: who used the CPU in each window', table: windowsTable(report), notes: [] },
    {
      id: 'startup',
      title: 'Figure 6: start-up (spawn to listening line)',
      table: startupTable(report),
      notes: [
        `Every server is started as the pack starts it (\`node --import tsx\`), so start-up includes compiling TypeScript. ` +
          `"First answers": spawn to the answers of ${report.machine.cpus} requests sent at once right after the listening line, one per core; it also counts threads a server loads after that line. ` +
          `"CPU to listening": the CPU time the server's process tree had used by its listening line; a busy machine stretches wall time, not this.`,
      ],
    },
  ];
}
