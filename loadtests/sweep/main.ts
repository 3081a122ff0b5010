// Entry point of `make sweep`: parse, run every point, print, write the report, set the exit code.
import { CommanderError } from 'commander';
import { ProcessGroup } from '../process-group.ts';
import { commandLine, gitCommit, machine, packageVersions } from '../provenance.ts';
import { writeReport } from '../report/write.ts';
import { parseSweepArgs, type SweepOptions } from './flags.ts';
import type { SweepReport } from './model.ts';
import { renderSweepMarkdown, renderSweepTerminal } from './render.ts';
import { runSweep } from './run-sweep.ts';

const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

function parseOrExit(argv: readonly string[]): SweepOptions {
  try {
    return parseSweepArgs(argv);
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
  const dateUtc = new Date().toISOString();
  try {
    const series = await runSweep(options, { group, say, showProgressBar: false });
    const report: SweepReport = {
      formatVersion: 1,
      command: commandLine('sweep', argv),
      dateUtc,
      commit: gitCommit(),
      machine: machine(),
      packages: packageVersions(),
      parameters: { durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, sizeClients: options.sizeClients, settings: options.settings },
      series,
    };
    process.stdout.write(`${renderSweepTerminal(report)}\n`);
    if (options.writeReport) {
      const written = await writeReport(options.reportsDir, dateUtc, 'sweep', renderSweepMarkdown(report), report);
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
