// Entry point of `make bench`: measure, print the ratios, write the report.
import { runProgram } from '../loadtests/cli/program.ts';
import { renderHtml } from '../loadtests/document/html.ts';
import { renderMarkdown } from '../loadtests/document/markdown.ts';
import { renderTerminal } from '../loadtests/document/terminal.ts';
import { watching } from '../loadtests/observe/run-progress.ts';
import { writeReport, writtenLine } from '../loadtests/report/write.ts';
import { parseBenchArgs } from './flags.ts';
import { benchDocument } from './document.ts';
import { BENCH_SCRIPT, benchSteps, runBench } from './run.ts';

process.exitCode = await runProgram(parseBenchArgs, async (options, { argv, group, say }) => {
  const watch = watching(say, benchSteps(options));
  const report = await runBench(options, argv, group, watch).finally(() => watch.progress.clear());
  const document = benchDocument(report);
  process.stdout.write(`${renderTerminal(document)}\n`);
  if (options.writeReport) {
    const written = await writeReport(
      options.reportsDir,
      report.dateUtc,
      BENCH_SCRIPT,
      renderMarkdown(document),
      report,
      renderHtml(document),
    );
    say(writtenLine(written));
  }
  return 0;
});
