// The bare node:http server's one flag. Not built on server/flags.ts on purpose: that module
// loads every variant (piscina, hono), and the bare server is figure 6's start-up reference.
import { Command, Option } from 'commander';
import { intInRange, type IntRange } from '../server/int-option.ts';

/** The same address as server/flags.ts's HOST: load only ever goes to 127.0.0.1. */
export const BARE_HOST = '127.0.0.1';
export const BARE_PORT_FLAG = '--port';
export const BARE_PORT_RANGE: IntRange = { min: 0, max: 65_535 };
/** Any free port: the bench reads the real one from the listening line. */
export const DEFAULT_BARE_PORT = 0;

/** Parses the bare server's argv (without node and script). Throws commander's error on bad input. */
export function parseBarePort(argv: readonly string[]): number {
  return new Command('bare-http-server')
    .description(`bare node:http server on ${BARE_HOST} answering GET /health like the Hono app`)
    .addOption(
      new Option(`${BARE_PORT_FLAG} <n>`, `port on ${BARE_HOST}, 0 = any free port`)
        .argParser(intInRange(BARE_PORT_RANGE))
        .default(DEFAULT_BARE_PORT),
    )
    .exitOverride()
    .parse([...argv], { from: 'user' })
    .opts<{ port: number }>().port;
}

export function bareArgv(port: number): string[] {
  return [BARE_PORT_FLAG, String(port)];
}
