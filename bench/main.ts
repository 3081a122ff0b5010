// Entry point of `make bench`: measure, print the ratios, write the report.
import { runProgram } from '../loadtests/cli/program.ts';
import { markdownTable } from '../loadtests/report/markdown.ts';
import { writeReport } from '../loadtests/report/write.ts';
import { parseBenchArgs } from './flags.ts';
import { renderBenchMarkdown } from './report.ts';
import { BENCH_SCRIPT, runBench } from './run.ts';
import { comparisonsTable } from './tables.ts';
import { comparisons } from './targets.ts';

process.exitCode = await runProgram(parseBenchArgs, async (options, { argv, group, say }) => {
  const report = await runBench(options, argv, group, say);
  process.stdout.write(`${markdownTable(comparisonsTable(comparisons(report)))}\n`);
  if (options.writeReport) {
    const written = await writeReport(
      options.reportsDir,
      report.dateUtc,
      BENCH_SCRIPT,
      renderBenchMarkdown(report),
      report,
    );
    say(`report: ${written.markdownPath} (+ .json)`);
  }
  return 0;
});
