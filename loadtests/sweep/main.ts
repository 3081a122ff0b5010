// Entry point of `make sweep`: run every point, print, write the report.
import { runProgram } from '../cli/program.ts';
import { commandLine, provenance } from '../observe/provenance.ts';
import { writeReport } from '../report/write.ts';
import { parseSweepArgs } from './flags.ts';
import type { SweepReport } from './model.ts';
import { renderSweepMarkdown, renderSweepTerminal } from './render.ts';
import { runSweep } from './run-sweep.ts';

process.exitCode = await runProgram(parseSweepArgs, async (options, { argv, group, say }) => {
  const dateUtc = new Date().toISOString();
  const series = await runSweep(options, { group, say });
  const report: SweepReport = {
    formatVersion: 1,
    ...provenance(commandLine('sweep', argv), dateUtc),
    parameters: {
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      sizeClients: options.sizeClients,
      settings: options.settings,
    },
    series,
  };
  process.stdout.write(`${renderSweepTerminal(report)}\n`);
  if (options.writeReport) {
    const written = await writeReport(options.reportsDir, dateUtc, 'sweep', renderSweepMarkdown(report), report);
    say(`report: ${written.markdownPath} (+ .json)`);
  }
  return 0;
});
