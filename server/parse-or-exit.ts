// What a program's entry does with bad flags: commander has already printed its one line (or the
// help text), so exit with its code instead of a stack trace. The server and bench's bare server share it.
import { CommanderError } from 'commander';

export function parseOrExit<Options>(parse: () => Options): Options {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    throw error;
  }
}
