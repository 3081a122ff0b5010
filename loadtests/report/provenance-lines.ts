// The opening lines every report shares: where its numbers come from, and for a loadtest report
// how its scenario ran. Pure.
import * as format from './format.ts';
import type { Provenance, Report } from './model.ts';
import { measuredRuns } from './runs.ts';

export function provenanceLines(report: Provenance): string[] {
  const { machine } = report;
  const packages = Object.entries(report.packages)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return [
    `Date (UTC): ${report.dateUtc}`,
    `Command: \`${report.command}\``,
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${format.gibibytes(machine.memoryBytes)} memory, ${machine.platform}`,
    `Software: Node.js ${machine.node}; ${packages}`,
    `Commit: ${report.commit}`,
  ];
}

/** Keep-alive for all, or which rows opened a new connection per request. */
function connections(report: Report): string {
  const fresh = [
    ...new Set(
      measuredRuns(report)
        .filter((run) => run.newConnection)
        .map((run) => run.variant),
    ),
  ];
  if (fresh.length === 0) return 'keep-alive, one connection per client';
  if (fresh.length === new Set(measuredRuns(report).map((run) => run.variant)).size)
    return 'a new connection per request, closed after the answer (like curl)';
  return `keep-alive, one connection per client, but a new connection per request (like curl) for ${fresh.map((name) => `\`${name}\``).join(', ')}`;
}

export function reportProvenance(report: Report): string[] {
  const { parameters } = report;
  const spawned = measuredRuns(report).some((run) => run.target === null);
  return [
    ...provenanceLines(report),
    `Scenario: \`${report.scenario}\`: ${report.scenarioDescription}`,
    `Parameters: ${format.clients(parameters.connections)}, ${parameters.durationSeconds} s measured after ${parameters.warmupSeconds} s warm-up per variant; ${format.reportWorkUnit(report)}`,
    // A --target runs with its own settings, and is measured where it runs, not restarted.
    ...(spawned
      ? [
          `Settings: ${format.settings(parameters.settings)} (each applies to the variants it sizes)`,
          `Pooled variants: queue ${parameters.maxQueue} (more get 503); deadline ${format.count(parameters.timeoutMs)} ms per request`,
        ]
      : []),
    `Runs per row: ${parameters.repeat}${spawned ? ', each on a fresh server' : ''}; bystander probe: GET /health every ${parameters.probeIntervalMs} ms`,
    `Connections: ${connections(report)}`,
    `Baseline for ratios: \`${report.baseline}\`, measured in this run`,
  ];
}
