// Entry point of `make sweep`: run every point, print, write the report.
import { runProgram } from '../cli/program.ts';
import { commandLine, provenance } from '../observe/provenance.ts';
import * as format from '../report/format.ts';
import { watching } from '../observe/run-progress.ts';
import { writeReport, writtenLine } from '../report/write.ts';
import { EXIT_ROW_FAILED } from '../row-failures.ts';
import { pointName } from './conclusions.ts';
import { parseSweepArgs } from './flags.ts';
import { SWEEP_FORMAT_VERSION, type SweepReport } from './model.ts';
import { renderSweepMarkdown, renderSweepTerminal } from './render.ts';
import { planPoints, runSweep } from './run-sweep.ts';

process.exitCode = await runProgram(parseSweepArgs, async (options, { argv, group, say }) => {
  const dateUtc = new Date().toISOString();
  const watch = watching(say, planPoints(options).length);
  const series = await runSweep(options, { group, ...watch }).finally(() => watch.progress.clear());
  const failed = series.flatMap((one) => one.failed.map(({ x, reason }) => `${pointName(one, x)}: ${reason}`));
  // Only a sweep that measured no point at all writes nothing.
  if (series.every((one) => one.points.length === 0)) throw new Error(failed.join('; '));
  const report: SweepReport = {
    formatVersion: SWEEP_FORMAT_VERSION,
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
  if (failed.length > 0) {
    say(
      `error: ${format.plural(failed.length, 'point')} could not be measured and ${failed.length === 1 ? 'is' : 'are'} marked failed in the report: ${failed.join('; ')}`,
    );
  }
  if (options.writeReport) {
    const written = await writeReport(options.reportsDir, dateUtc, 'sweep', renderSweepMarkdown(report), report);
    say(writtenLine(written)); // the last line: where the report went
  }
  return failed.length === 0 ? 0 : EXIT_ROW_FAILED;
});
