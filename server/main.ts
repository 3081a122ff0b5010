// Entry point: parse flags, then serve (or, for a multi-process variant, run its primary).
import cluster from 'node:cluster';
import { CommanderError } from 'commander';
import { parseServerArgs, type ServerOptions } from './flags.ts';
import { relaunchWithEnv } from './relaunch.ts';
import { serve } from './serve.ts';
import { serverEnv, variants } from './variants/index.ts';

function parseOrExit(argv: readonly string[]): ServerOptions {
  try {
    return parseServerArgs(argv);
  } catch (error) {
    // Commander already printed its one-line message (or the help text).
    if (error instanceof CommanderError) process.exit(error.exitCode);
    throw error;
  }
}

const options = parseOrExit(process.argv.slice(2));
const relaunched = await relaunchWithEnv(serverEnv(options));
if (relaunched !== null) process.exit(relaunched);

const variant = variants[options.variant];
if (variant.primary !== undefined && cluster.isPrimary) await variant.primary(options);
else await serve(options, variant, cluster.isPrimary);
