// The server's flags: names, defaults and ranges in one place. The load runner builds a server's
// argv with serverArgv() and reuses the shared options, so no flag is spelled twice.
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { intInRange, type IntRange } from './int-option.ts';
import { variantNames, type VariantName } from './variants/index.ts';
import { DEFAULT_ITERATIONS } from './work.ts';

export interface ServerOptions {
  readonly variant: VariantName;
  readonly port: number;
  readonly poolSize: number;
  readonly iterations: number;
  /** Requests that may wait for a worker in pooled variants; more get 503 at once. */
  readonly maxQueue: number;
  /** A request's deadline, from the moment the handler takes it. */
  readonly timeoutMs: number;
  /** Test-only routes that make a job throw or its worker exit. */
  readonly faultRoutes: boolean;
  readonly quiet: boolean;
}

export const HOST = '127.0.0.1';
export const DEFAULT_VARIANT: VariantName = 'inline';
export const DEFAULT_PORT = 3000;
export const PORT_RANGE: IntRange = { min: 0, max: 65_535 };
export const DEFAULT_POOL_SIZE = availableParallelism();
export const POOL_SIZE_RANGE: IntRange = { min: 1, max: 256 };
/** Up to 100× the original's loop: about six seconds a request on a 2020s core. */
export const ITERATIONS_RANGE: IntRange = { min: 1, max: 100 * DEFAULT_ITERATIONS };

export const MAX_QUEUE_RANGE: IntRange = { min: 0, max: 100_000 };
/** Small pools still queue a few hundred ms of bursts: the experiment's 4 clients on 1 thread must queue, not 503. */
export const MIN_DEFAULT_MAX_QUEUE = 64;
/** Enough waiting to keep every worker busy through a burst, bounded so overload fails fast. */
export const defaultMaxQueue = (poolSize: number): number => Math.max(poolSize ** 2, MIN_DEFAULT_MAX_QUEUE);
/** Generous: a request at the top of ITERATIONS_RANGE still finishes on a loaded machine. */
export const DEFAULT_TIMEOUT_MS = 60_000;
export const TIMEOUT_RANGE: IntRange = { min: 1, max: 3_600_000 };

const FLAG = {
  variant: '--variant',
  port: '--port',
  poolSize: '--pool-size',
  iterations: '--iterations',
  maxQueue: '--max-queue',
  timeoutMs: '--timeout-ms',
  faultRoutes: '--fault-routes',
  quiet: '--quiet',
} as const;

export function poolSizeOption(): Option {
  return new Option(`${FLAG.poolSize} <n>`, `worker threads for pooled variants (${POOL_SIZE_RANGE.min}-${POOL_SIZE_RANGE.max}; default: available parallelism)`)
    .argParser(intInRange(POOL_SIZE_RANGE))
    .default(DEFAULT_POOL_SIZE);
}

export function iterationsOption(): Option {
  return new Option(`${FLAG.iterations} <n>`, `increments per request, the work unit (${ITERATIONS_RANGE.min}-${ITERATIONS_RANGE.max})`)
    .argParser(intInRange(ITERATIONS_RANGE))
    .default(DEFAULT_ITERATIONS);
}

/** No commander default: the default depends on --pool-size (defaultMaxQueue). */
export function maxQueueOption(): Option {
  return new Option(`${FLAG.maxQueue} <n>`, `requests that may wait for a worker in pooled variants; more get 503 (${MAX_QUEUE_RANGE.min}-${MAX_QUEUE_RANGE.max}; default: pool size squared, at least ${MIN_DEFAULT_MAX_QUEUE})`)
    .argParser(intInRange(MAX_QUEUE_RANGE));
}

/** No commander default, so that the load runner can tell a given flag from a scenario's setting. */
export function timeoutOption(): Option {
  return new Option(`${FLAG.timeoutMs} <n>`, `deadline per request in ms; queued: 503, running in a worker: aborted, 504 (${TIMEOUT_RANGE.min}-${TIMEOUT_RANGE.max}; default: ${DEFAULT_TIMEOUT_MS})`)
    .argParser(intInRange(TIMEOUT_RANGE));
}

export function variantOption(): Option {
  return new Option(`${FLAG.variant} <name>`, 'concurrency model').choices(variantNames).default(DEFAULT_VARIANT);
}

function serverCommand(): Command {
  return new Command('server')
    .description(`CPU-bound Hono server on ${HOST}; prints one JSON "listening" line when ready`)
    .addOption(variantOption())
    .addOption(new Option(`${FLAG.port} <n>`, `port on ${HOST} (0 = any free port)`).argParser(intInRange(PORT_RANGE)).default(DEFAULT_PORT))
    .addOption(poolSizeOption())
    .addOption(iterationsOption())
    .addOption(maxQueueOption())
    .addOption(timeoutOption())
    .addOption(new Option(FLAG.faultRoutes, 'for tests only: serve GET /fault/throw (the job throws) and GET /fault/exit (its thread exits; on the event loop, the server)'))
    .addOption(new Option(FLAG.quiet, 'do not log the start/end line of each request'))
    .exitOverride()
    .showHelpAfterError(false);
}

/** Parses the server's argv (without node and script). Throws commander's error on bad input. */
export function parseServerArgs(argv: readonly string[]): ServerOptions {
  const parsed = serverCommand().parse([...argv], { from: 'user' }).opts<{
    variant: VariantName;
    port: number;
    poolSize: number;
    iterations: number;
    maxQueue?: number;
    timeoutMs?: number;
    faultRoutes?: boolean;
    quiet?: boolean;
  }>();
  return Object.freeze({
    ...parsed,
    maxQueue: parsed.maxQueue ?? defaultMaxQueue(parsed.poolSize),
    timeoutMs: parsed.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    faultRoutes: parsed.faultRoutes === true,
    quiet: parsed.quiet === true,
  });
}

/** The argv that starts a server with these options: the inverse of parseServerArgs. */
export function serverArgv(options: ServerOptions): string[] {
  return [
    FLAG.variant, options.variant,
    FLAG.port, String(options.port),
    FLAG.poolSize, String(options.poolSize),
    FLAG.iterations, String(options.iterations),
    FLAG.maxQueue, String(options.maxQueue),
    FLAG.timeoutMs, String(options.timeoutMs),
    ...(options.faultRoutes ? [FLAG.faultRoutes] : []),
    ...(options.quiet ? [FLAG.quiet] : []),
  ];
}
