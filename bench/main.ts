// Entry point of `make bench`: measure, print the ratios, write the report.
import { runProgram } from '../loadtests/cli/program.ts';
import { markdownTable } from '../loadtests/report/markdown.ts';
import { watching } from '../loadtests/observe/run-progress.ts';
import { writeReport, writtenLine } from '../loadtests/report/write.ts';
import { parseBenchArgs } from './flags.ts';
import { renderBenchHtml } from './html.ts';
import { renderBenchMarkdown } from './report.ts';
import { BENCH_SCRIPT, benchSteps, runBench } from './run.ts';
import { comparisonsTable } from './tables.ts';
import { comparisons } from './targets.ts';

process.exitCode = await runProgram(parseBenchArgs, async (options, { argv, group, say }) => {
  const watch = watching(say, benchSteps(options));
  const report = await runBench(options, argv, group, watch).finally(() => watch.progress.clear());
  process.stdout.write(`${markdownTable(comparisonsTable(comparisons(report)))}\n`);
  if (options.writeReport) {
    const written = await writeReport(
      options.reportsDir,
      report.dateUtc,
      BENCH_SCRIPT,
      renderBenchMarkdown(report),
      report,
      renderBenchHtml(report),
    );
    say(writtenLine(written));
  }
  return 0;
});
