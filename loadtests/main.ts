// Entry point: parse, run the scenario, print the table, write the report, set the exit code.
import { CommanderError } from 'commander';
import { parseLoadtestArgs, type LoadtestOptions } from './flags.ts';
import { ProcessGroup } from './process-group.ts';
import { commandLine } from './provenance.ts';
import { assembleReport } from './report/assemble.ts';
import { renderMarkdown } from './report/markdown.ts';
import { renderTerminal } from './report/terminal.ts';
import { writeReport } from './report/write.ts';
import { runScenario } from './run-scenario.ts';

const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

function parseOrExit(argv: readonly string[]): LoadtestOptions {
  try {
    return parseLoadtestArgs(argv);
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
  const context = { options, group, say, showProgressBar: process.stderr.isTTY === true };
  try {
    // Each scenario gets its own report, written as soon as it is measured.
    for (const plan of options.plans) {
      const dateUtc = new Date().toISOString();
      say(`scenario ${plan.scenario.name}: ${options.target === null ? plan.variants.join(', ') : `${options.target.label} (--target)`}`);
      const report = assembleReport(options, plan, await runScenario(plan, context), commandLine(argv), dateUtc);
      process.stdout.write(`${renderTerminal(report)}\n\n`);
      if (options.writeReport) {
        const written = await writeReport(options.reportsDir, dateUtc, report.scenario, renderMarkdown(report), report);
        say(`report: ${written.markdownPath} (+ .json)`);
      }
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
