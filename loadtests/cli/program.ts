// What every entry point of the load runner does around its own work: parse the flags (commander
// has printed its one-line error when they are bad), stop every server it started on Ctrl-C and
// SIGTERM, turn an error into one line and exit 1, and always stop its servers before exiting.
import { CommanderError } from 'commander';
import { ProcessGroup } from '../process/process-group.ts';
import { plural } from '../report/format.ts';

const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

export interface ProgramContext {
  readonly argv: readonly string[];
  readonly group: ProcessGroup;
  /** One line of progress for the person watching (stderr). */
  readonly say: (line: string) => void;
}

export async function runProgram<Options>(
  parse: (argv: readonly string[]) => Options,
  body: (options: Options, context: ProgramContext) => Promise<number>,
): Promise<number> {
  const argv = process.argv.slice(2);
  let options: Options;
  try {
    options = parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  const group = new ProcessGroup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping ${plural(group.size, 'server')}; no report is written\n`);
      void group.stopAll().finally(() => process.exit(EXIT_SIGNAL[signal]));
    });
  }
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  try {
    return await body(options, { argv, group, say });
  } catch (error) {
    say(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await group.stopAll();
  }
}
