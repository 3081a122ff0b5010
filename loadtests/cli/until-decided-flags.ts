// --until-decided: rows interleaved (forward, then backward) and repeated until every comparison of
// the run is decided or --max-duration is hit. A comparison needs two rows: not with a lone --target.
import { type Command, Option } from 'commander';

export interface UntilDecidedFlags {
  untilDecided?: boolean;
  target?: unknown;
}

export function withUntilDecided(command: Command): Command {
  return command.addOption(
    new Option(
      '--until-decided',
      "repeat the rows, interleaved A B B A, until every variant's req/s against the first is decided (differs or equivalent) or --max-duration passes",
    ).conflicts(['repeat']),
  );
}

/** Whether the run repeats until decided; refuses what has nothing to compare (`fewestVariants`: of any scenario). */
export function untilDecidedOf(command: Command, raw: UntilDecidedFlags, fewestVariants: number): boolean {
  if (raw.untilDecided !== true) return false;
  if (raw.target !== undefined)
    command.error(
      "error: option '--until-decided' cannot be used with option '--target <url>': one server, nothing to compare",
    );
  if (fewestVariants < 2)
    command.error(`error: option '--until-decided' needs 2 or more variants to compare (received ${fewestVariants})`);
  return true;
}
