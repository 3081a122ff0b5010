// Report -> markdown. Pure: takes the report, returns text; never measures or writes.
import { FOREIGN_CPU_LIMIT_PERCENT, findings } from './findings.ts';
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { mermaidCpuChart } from './charts.ts';
import { provenanceLines } from './provenance-lines.ts';
import { groupByVariant, measuredRuns, rowGroups } from './runs.ts';
import { limitsTable, neighboursTable, resultsTable, serverTable, type Table } from './tables.ts';
import { windowTable } from './trust.ts';
import { clientsTable, processesTable } from './client-tables.ts';
import { MARKDOWN_SWIMLANES, swimlanesOf } from './swimlanes.ts';
import { OVERLOAD_NOTE, overloadFindings, overloadTable } from './overload-section.ts';

/** How every limit's CPU cost was obtained (observe/calibrate.ts); said under every limits table. */
export const CALIBRATION_NOTE =
  'CPU ms / request is the server CPU time of the fastest of single requests sent one at a time after the measured window (at least 5, more while they add up to under 2 s of CPU, at most 25), in this run.';

export const WINDOW_NOTE =
  'One continuous closed loop per row: the same clients run through the warm-up and the window; only answers that arrived inside the window count. ' +
  'At its end the clients stop sending and wait for their outstanding answers (not counted), so no request runs into the next row. ' +
  "The server's own count (its End lines, else /stats) may differ from the clients' only by the requests in transit at the window's edges, at most one per connection.";

export const RESULTS_NOTE =
  'req/s ±95%: answers inside the window over its length, with the 95% interval of batch means (10 equal slices of the window). Latencies are client-side, of the 2xx answers inside the window, to the microsecond. Columns are explained in reports/README.md.';

export const SERVER_NOTE =
  'Over the measured window only. Health: the bystander GET /health, timed to the microsecond. Loop: the event loop of the process that answered /stats.';

export const NOISE_NOTE = `CPU the load generator and every other process used during each window, in % of one core; foreign CPU over ${FOREIGN_CPU_LIMIT_PERCENT}% of a core is flagged above as noise.`;

/** What the timelines show, before each renderer says how it draws them. */
export const timelinesIntro = (report: Report): string =>
  `The first ${(measuredRuns(report)[0]?.timeline.spanMs ?? 0) / 1000} s of each variant's window (with --repeat, the run nearest its median req/s), from the server's own start/end lines.`;

/** Why a run has no CPU chart; null when it has one. */
export function noCpuSamples(run: VariantRun): string | null {
  if (run.server.cpuSamples.length > 0) return null;
  const why =
    run.target !== null && run.target.pid === null
      ? 'no --target-pid'
      : 'no /proc on this system, or a window shorter than one sample';
  return `${run.variant}: no CPU samples (${why})`;
}

/** The noise guard: who else used the CPU in each window. Loadtest and sweep reports show it alike. */
export function noiseGuardSection(table: Table): string[] {
  return ['## Noise guard', markdownTable(table), NOISE_NOTE];
}

function escapeCell(cell: string): string {
  return cell.replaceAll('|', '\\|');
}

export function markdownTable(table: Table): string {
  const header = `| ${table.columns.map((column) => escapeCell(column.header)).join(' | ')} |`;
  const rule = `|${table.columns.map((column) => (column.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

const connectionMode = (newConnection: boolean): string =>
  newConnection
    ? 'a new connection per request, closed after the answer (like curl)'
    : 'keep-alive, one connection per client';

function connections(report: Report): string {
  const modes = new Set(report.runs.map((run) => run.newConnection));
  if (modes.size <= 1) return connectionMode(modes.has(true));
  return groupByVariant(report)
    .map(({ shown }) => `\`${shown.variant}\` ${connectionMode(shown.newConnection)}`)
    .join('; ');
}

export function provenance(report: Report): string {
  const { parameters } = report;
  const spawned = measuredRuns(report).some((run) => run.target === null);
  return [
    ...provenanceLines(report),
    `- Scenario: \`${report.scenario}\`: ${report.scenarioDescription}`,
    `- Parameters: ${format.clients(parameters.connections)}, ${parameters.durationSeconds} s measured after ${parameters.warmupSeconds} s warm-up per variant; ${format.reportWorkUnit(report)}`,
    // A --target runs with its own settings, and is measured where it runs, not restarted.
    ...(spawned
      ? [
          `- Settings: ${format.settings(parameters.settings)} (each applies to the variants it sizes)`,
          `- Pooled variants: queue ${parameters.maxQueue} (more get 503); deadline ${format.count(parameters.timeoutMs)} ms per request`,
        ]
      : []),
    `- Runs per row: ${parameters.repeat}${spawned ? ', each on a fresh server' : ''}; bystander probe: GET /health every ${parameters.probeIntervalMs} ms`,
    `- Connections: ${connections(report)}`,
    `- Baseline for ratios: \`${report.baseline}\`, measured in this run`,
    ...report.notes.map((note) => `- ${note}`),
  ].join('\n');
}

function excerpts(report: Report): string {
  return groupByVariant(report)
    .map(({ shown: run }) => {
      const silent =
        run.target !== null && !run.target.logged
          ? "(the runner did not read this server's output)"
          : '(the server logged no work in the window)';
      const body = run.logExcerpt.length > 0 ? run.logExcerpt.join('\n') : silent;
      return `### ${run.variant}\n\n\`\`\`text\n${body}\n\`\`\``;
    })
    .join('\n\n');
}

function timelines(report: Report): string {
  return groupByVariant(report)
    .map(
      ({ shown: run }) =>
        `### ${run.variant}\n\n\`\`\`text\n${swimlanesOf(run, MARKDOWN_SWIMLANES).join('\n')}\n\`\`\``,
    )
    .join('\n\n');
}

function cpuCharts(report: Report): string {
  return groupByVariant(report)
    .map(
      ({ shown: run }) =>
        noCpuSamples(run) ??
        mermaidCpuChart(`${run.variant}: server CPU %`, run.server.cpuSamples, report.machine.cpus),
    )
    .join('\n\n');
}

/** The overload rows side by side (overload-section.ts); nothing when the report has none. */
function overloadMarkdown(report: Report): string[] {
  const table = overloadTable(report);
  if (table === null) return [];
  const lines = overloadFindings(report).map((line) => `- ${line}`);
  return ['## Goodput under overload', markdownTable(table), OVERLOAD_NOTE, lines.join('\n')];
}

/** `lead`: sections a program adds ahead of the results (make fastapi: its claim), already markdown. */
export function renderMarkdown(report: Report, lead: readonly string[] = []): string {
  return `${[
    `# ${report.scenario}: ${rowGroups(report)
      .map((group) => group.variant)
      .join(' vs ')}`,
    provenance(report),
    ...lead,
    '## Results',
    markdownTable(resultsTable(report)),
    RESULTS_NOTE,
    ...overloadMarkdown(report),
    '## The window',
    markdownTable(windowTable(report)),
    WINDOW_NOTE,
    '## What the server lived through',
    markdownTable(serverTable(report)),
    SERVER_NOTE,
    '## Findings',
    findings(report)
      .map((line) => `- ${line}`)
      .join('\n'),
    '## Timelines',
    `${timelinesIntro(report)} ` +
      'Client lanes: █/▓ a request being worked on (alternating per request). Thread lanes: how many requests that thread had in progress.',
    timelines(report),
    '## CPU over time',
    cpuCharts(report),
    ...noiseGuardSection(neighboursTable(report)),
    '## Physical limits',
    markdownTable(limitsTable(report)),
    CALIBRATION_NOTE,
    '## Clients',
    markdownTable(clientsTable(report)),
    ...(processesTable(report).rows.length > 0 ? ['## Processes', markdownTable(processesTable(report))] : []),
    '## Server log, first lines of the measured window',
    excerpts(report),
  ].join('\n\n')}\n`;
}
