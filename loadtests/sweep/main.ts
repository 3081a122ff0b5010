// Entry point of `make sweep`: predict, run every point, conclude, print, write the report.
import { runProgram } from '../cli/program.ts';
import { commandLine, provenance } from '../observe/provenance.ts';
import * as format from '../report/format.ts';
import { writeReport, writtenLine } from '../report/write.ts';
import { EXIT_ROW_FAILED } from '../row-failures.ts';
import { sweepReportOf } from './analyse.ts';
import { pointName } from './point-name.ts';
import { parseSweepArgs } from './flags.ts';
import { sweepDocument } from './document.ts';
import { renderHtml } from '../document/html.ts';
import { renderMarkdown } from '../document/markdown.ts';
import { renderTerminal } from '../document/terminal.ts';
import { WARMUP_ANSWERS_PER_THREAD } from '../load/warm-up.ts';
import { runSweep } from './run-sweep.ts';

process.exitCode = await runProgram(parseSweepArgs, async (options, { argv, group, say }) => {
  const dateUtc = new Date().toISOString();
  const { prediction, series } = await runSweep(options, { group, say });
  const failed = series.flatMap((one) =>
    one.failed.map(({ x, repetition, reason }) => `${pointName(one, x)} (run ${repetition}): ${reason}`),
  );
  // Only a sweep that measured no point at all writes nothing.
  if (series.every((one) => one.points.length === 0)) throw new Error(failed.join('; '));
  const { handler, payloadBytes, transfer } = options.workload;
  const parameters = {
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    warmupAnswersPerThread: WARMUP_ANSWERS_PER_THREAD,
    sizeClients: prediction.clients,
    repeat: options.repeat,
    equivalenceMargin: options.equivalenceMargin,
    settings: options.settings,
    workload: { handler, payloadBytes, transfer },
  };
  const report = sweepReportOf(provenance(commandLine('sweep', argv), dateUtc), parameters, prediction, series);
  const document = sweepDocument(report);
  process.stdout.write(`${renderTerminal(document)}\n`);
  if (failed.length > 0) {
    say(
      `error: ${format.plural(failed.length, 'point')} could not be measured and ${failed.length === 1 ? 'is' : 'are'} marked failed in the report: ${failed.join('; ')}`,
    );
  }
  if (options.writeReport) {
    const markdown = renderMarkdown(document);
    const written = await writeReport(options.reportsDir, dateUtc, 'sweep', markdown, report, renderHtml(document));
    say(writtenLine(written)); // the last line: where the report went
  }
  return failed.length === 0 ? 0 : EXIT_ROW_FAILED;
});
