// Entry point: parse flags, then serve (or, for a multi-process variant, run its primary).
import cluster from 'node:cluster';
import { parseServerArgs } from './flags.ts';
import { exposedWarning } from './host.ts';
import { checkHandlerOrExit } from './handler.ts';
import { parseOrExit } from './parse-or-exit.ts';
import { relaunchWithEnv } from './relaunch.ts';
import { serverEnv, variants } from './variants/index.ts';

const options = parseOrExit(() => parseServerArgs(process.argv.slice(2)));
const relaunched = await relaunchWithEnv(serverEnv(options));
if (relaunched !== null) process.exit(relaunched);

const exposed = exposedWarning(options.host);
if (exposed !== null && cluster.isPrimary) process.stderr.write(`${exposed}\n`);

// Once, before any thread or process that runs it starts: a cluster's workers rely on their primary's check.
if (options.handler !== null && cluster.isPrimary) await checkHandlerOrExit(options.handler);

const variant = variants[options.variant];
// serve.ts (Hono and its node adapter) only where HTTP is served: a cluster's primary forks sooner without it.
if (variant.primary !== undefined && cluster.isPrimary) await variant.primary(options);
else await (await import('./serve.ts')).serve(options, variant, cluster.isPrimary);
