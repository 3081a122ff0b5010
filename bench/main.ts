// Entry point of `make bench`: parse, measure, print the ratios, write the report, exit code.
import { CommanderError } from 'commander';
import { ProcessGroup } from '../loadtests/process-group.ts';
import { markdownTable } from '../loadtests/report/markdown.ts';
import { writeReport } from '../loadtests/report/write.ts';
import { parseBenchArgs, type BenchOptions } from './flags.ts';
import { renderBenchMarkdown } from './report.ts';
import { BENCH_SCRIPT, runBench } from './run.ts';
import { comparisonsTable } from './tables.ts';
import { comparisons } from './targets.ts';

const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

function parseOrExit(argv: readonly string[]): BenchOptions {
  try {
    return parseBenchArgs(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode); // commander printed the line
    throw error;
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const options = parseOrExit(argv);
  const group = new ProcessGroup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping ${group.size} server(s); no report is written\n`);
      void group.stopAll().finally(() => process.exit(EXIT_SIGNAL[signal]));
    });
  }
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  try {
    const report = await runBench(options, argv, group, say);
    process.stdout.write(`${markdownTable(comparisonsTable(comparisons(report)))}\n`);
    if (options.writeReport) {
      const written = await writeReport(options.reportsDir, report.dateUtc, BENCH_SCRIPT, renderBenchMarkdown(report), report);
      say(`report: ${written.markdownPath} (+ .json)`);
    }
    return 0;
  } catch (error) {
    say(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await group.stopAll();
  }
}

process.exitCode = await main();
