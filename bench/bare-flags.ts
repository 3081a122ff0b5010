// The bare node:http server's one flag. It takes the address and port range from server/flags.ts, a
// leaf that loads no variant (no piscina, no hono): the bare server is figure 6's start-up reference.
import { Command, Option } from 'commander';
import { HOST, PORT_RANGE } from '../server/flags.ts';
import { intInRange } from '../server/int-option.ts';

export const BARE_PORT_FLAG = '--port';
/** Any free port: the bench reads the real one from the listening line. */
export const DEFAULT_BARE_PORT = 0;

/** Parses the bare server's argv (without node and script). Throws commander's error on bad input. */
export function parseBarePort(argv: readonly string[]): number {
  return new Command('bare-http-server')
    .description(`bare node:http server on ${HOST} answering GET /health like the Hono app`)
    .addOption(
      new Option(`${BARE_PORT_FLAG} <n>`, `port on ${HOST}, 0 = any free port`)
        .argParser(intInRange(PORT_RANGE))
        .default(DEFAULT_BARE_PORT),
    )
    .exitOverride()
    .parse([...argv], { from: 'user' })
    .opts<{ port: number }>().port;
}

export function bareArgv(port: number): string[] {
  return [BARE_PORT_FLAG, String(port)];
}
