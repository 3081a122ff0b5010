// The opening lines every report shares: where its numbers come from. Pure.
import * as format from './format.ts';
import type { Provenance } from './model.ts';

export function provenanceLines(report: Provenance): string[] {
  const { machine } = report;
  const packages = Object.entries(report.packages)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return [
    `- Date (UTC): ${report.dateUtc}`,
    `- Command: \`${report.command}\``,
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${format.gibibytes(machine.memoryBytes)} memory, ${machine.platform}`,
    `- Software: Node.js ${machine.node}; ${packages}`,
    `- Commit: ${report.commit}`,
  ];
}
