// Report -> markdown. Pure: takes the report, returns text; never measures or writes.
import { findings } from './findings.ts';
import * as format from './format.ts';
import type { Report } from './model.ts';
import { clientsTable, resultsTable, type Table } from './tables.ts';

function escapeCell(cell: string): string {
  return cell.replaceAll('|', '\\|');
}

export function markdownTable(table: Table): string {
  const header = `| ${table.columns.map((column) => escapeCell(column.header)).join(' | ')} |`;
  const rule = `|${table.columns.map((column) => (column.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

function provenance(report: Report): string {
  const { machine, parameters } = report;
  const packages = Object.entries(report.packages).map(([name, version]) => `${name} ${version}`).join(', ');
  return [
    `- Date (UTC): ${report.dateUtc}`,
    `- Command: \`${report.command}\``,
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${format.gibibytes(machine.memoryBytes)} memory, ${machine.platform}`,
    `- Software: Node.js ${machine.node}; ${packages}`,
    `- Commit: ${report.commit}`,
    `- Scenario: \`${report.scenario}\`: ${report.scenarioDescription}`,
    `- Parameters: ${parameters.connections} clients, ${parameters.durationSeconds} s measured after ${parameters.warmupSeconds} s warm-up per variant, ` +
      `${parameters.iterations.toLocaleString('en-US')} iterations per request, pool size ${parameters.poolSize} and queue ${parameters.maxQueue} (pooled variants only), ` +
      `deadline ${parameters.timeoutMs.toLocaleString('en-US')} ms per request`,
    `- Baseline for ratios: \`${report.baseline}\`, measured in this run`,
  ].join('\n');
}

function excerpts(report: Report): string {
  return report.runs
    .map((run) => {
      const body = run.logExcerpt.length > 0 ? run.logExcerpt.join('\n') : '(the server logged no work in the window)';
      return `### ${run.variant}\n\n\`\`\`text\n${body}\n\`\`\``;
    })
    .join('\n\n');
}

export function renderMarkdown(report: Report): string {
  return [
    `# ${report.scenario}: ${report.runs.map((run) => run.variant).join(' vs ')}`,
    provenance(report),
    '## Results',
    markdownTable(resultsTable(report)),
    'Latencies are client-side (autocannon, whole milliseconds). Server figures cover the measured window only. ' +
      'Columns are explained in reports/README.md.',
    '## Findings',
    findings(report).map((line) => `- ${line}`).join('\n'),
    '## Clients',
    markdownTable(clientsTable(report)),
    '## Server log, first lines of the measured window',
    excerpts(report),
  ].join('\n\n') + '\n';
}
