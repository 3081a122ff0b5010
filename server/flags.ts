// The server's flags: defaults and ranges in one place (names and the options type in options.ts,
// re-exported here). The load runner builds a server's argv with serverArgv() and reuses the shared
// options, so no flag is spelled twice. A leaf: it imports no variant (the registry imports it), so
// reading a flag loads no pool and no cluster.
import { Command, Option } from 'commander';
import { defaultThreadCount } from './cores.ts';
import { faultRoutesRefusal, HOST } from './host.ts';
import { intInRange, intOption, type IntRange } from './int-option.ts';
import { DEFAULT_ITERATIONS, WORK_KINDS, type WorkKind } from './work.ts';
import { SERVER_FLAGS, VARIANT_NAMES, type ServerOptions, type VariantName } from './options.ts';
import { withShedding } from './shed-flags.ts';
import { DEFAULT_ROUNDS, handlerOption, ROUNDS_RANGE, transferOption, workloadConflict } from './workload-flags.ts';

/** Re-exported so that the programs that build a server's argv import one module. */
export { HOST, SERVER_FLAGS, VARIANT_NAMES, type ServerOptions, type VariantName, type WorkKind };

export const DEFAULT_VARIANT: VariantName = 'inline';
export const DEFAULT_PORT = 3000;
export const PORT_RANGE: IntRange = { min: 0, max: 65_535 };
/** The effective cores (a cgroup quota caps the visible CPUs), rounded up. */
export const DEFAULT_POOL_SIZE = defaultThreadCount();
export const POOL_SIZE_RANGE: IntRange = { min: 1, max: 256 };
/** Up to 100× the original's loop: a few seconds a request on a 2020s core. */
export const ITERATIONS_RANGE: IntRange = { min: 1, max: 100 * DEFAULT_ITERATIONS };
export const DEFAULT_WORKERS = defaultThreadCount();
export const WORKERS_RANGE: IntRange = { min: 1, max: 64 };
/**
 * One libuv thread per core, as --pool-size and --workers: the three parallel models get the same
 * threads. Node's own default (4) oversubscribes a 2-core machine: 4 requests share 2 cores, each
 * takes twice as long, and the event loop competes with all of them.
 */
export const DEFAULT_UV_THREADS = defaultThreadCount();
/** libuv's own ceiling for UV_THREADPOOL_SIZE. */
export const UV_THREADS_RANGE: IntRange = { min: 1, max: 1_024 };
/** About a millisecond of the loop on this project's 2-core test machine (~0.35 ns an increment). */
export const DEFAULT_SLICE_ITERATIONS = 3_000_000;
export const SLICE_ITERATIONS_RANGE: IntRange = { min: 1_000, max: ITERATIONS_RANGE.max };
export const DEFAULT_IO_MS = 100;
export const IO_MS_RANGE: IntRange = { min: 1, max: 60_000 };
export const DEFAULT_BLOCKING_IO_MS = 0;
export const BLOCKING_IO_MS_RANGE: IntRange = { min: 0, max: 60_000 };
/**
 * The variants whose request runs on a thread it can hold. On chunked it would only stall the loop
 * as inline does; libuv's work runs inside pbkdf2, where no wait can go; io is the async control.
 */
export const BLOCKING_IO_VARIANTS: readonly VariantName[] = ['inline', 'pool', 'cluster'];
export const MAX_QUEUE_RANGE: IntRange = { min: 0, max: 100_000 };
/** Small pools still queue a few hundred ms of bursts: the experiment's 4 clients on 1 thread must queue, not 503. */
export const MIN_DEFAULT_MAX_QUEUE = 64;
/** Enough waiting to keep every worker busy through a burst, bounded so overload fails fast. */
export const defaultMaxQueue = (poolSize: number): number => Math.max(poolSize ** 2, MIN_DEFAULT_MAX_QUEUE);
/** Generous: a request at the top of ITERATIONS_RANGE still finishes on a loaded machine. */
export const DEFAULT_TIMEOUT_MS = 60_000;
export const TIMEOUT_RANGE: IntRange = { min: 1, max: 3_600_000 };

/** The options that shape a variant's work and size; the load runner offers the same ones. */
export function variantSettingOptions(): Option[] {
  return [
    intOption(
      SERVER_FLAGS.poolSize,
      'worker threads of the pool variant',
      POOL_SIZE_RANGE,
      DEFAULT_POOL_SIZE,
      `${DEFAULT_POOL_SIZE}, the effective cores`,
    ),
    intOption(
      SERVER_FLAGS.workers,
      'processes of the cluster variant',
      WORKERS_RANGE,
      DEFAULT_WORKERS,
      `${DEFAULT_WORKERS}, the effective cores`,
    ),
    intOption(
      SERVER_FLAGS.uvThreads,
      'libuv threadpool size (UV_THREADPOOL_SIZE) of the libuv variant',
      UV_THREADS_RANGE,
      DEFAULT_UV_THREADS,
      `${DEFAULT_UV_THREADS}, the effective cores (Node's own default is 4)`,
    ),
    intOption(SERVER_FLAGS.iterations, 'increments per request, the work unit', ITERATIONS_RANGE, DEFAULT_ITERATIONS),
    intOption(
      SERVER_FLAGS.sliceIterations,
      'increments between two yields of the chunked variant',
      SLICE_ITERATIONS_RANGE,
      DEFAULT_SLICE_ITERATIONS,
    ),
    intOption(SERVER_FLAGS.ioMs, 'milliseconds one request waits when the work is io', IO_MS_RANGE, DEFAULT_IO_MS),
    intOption(
      SERVER_FLAGS.blockingIoMs,
      `ms each request then holds its thread without CPU, as a blocking driver does (${BLOCKING_IO_VARIANTS.join(', ')}); 0 = off`,
      BLOCKING_IO_MS_RANGE,
      DEFAULT_BLOCKING_IO_MS,
    ),
  ];
}

/** No commander default: the default depends on --pool-size (defaultMaxQueue). */
export function maxQueueOption(): Option {
  return new Option(
    `${SERVER_FLAGS.maxQueue} <n>`,
    `requests that may wait for a worker in pooled variants; more get 503 (${MAX_QUEUE_RANGE.min}-${MAX_QUEUE_RANGE.max}; default: pool size squared, at least ${MIN_DEFAULT_MAX_QUEUE})`,
  ).argParser(intInRange(MAX_QUEUE_RANGE));
}

/** No commander default, so that the load runner can tell a given flag from a scenario's setting. */
export function timeoutOption(): Option {
  return new Option(
    `${SERVER_FLAGS.timeoutMs} <n>`,
    `deadline per request in ms; queued: 503, running in a worker: aborted, 504 (${TIMEOUT_RANGE.min}-${TIMEOUT_RANGE.max}; default: ${DEFAULT_TIMEOUT_MS})`,
  ).argParser(intInRange(TIMEOUT_RANGE));
}

export function variantOption(): Option {
  return new Option(`${SERVER_FLAGS.variant} <name>`, 'concurrency model')
    .choices(VARIANT_NAMES)
    .default(DEFAULT_VARIANT);
}

/** Adds the shared variant settings to a program. */
export function withVariantSettings(command: Command): Command {
  for (const option of variantSettingOptions()) command.addOption(option);
  return command;
}

function serverCommand(): Command {
  const command = new Command('server')
    .description(`CPU-bound Hono server on ${HOST} (or --host); prints one JSON "listening" line when ready`)
    .addOption(variantOption())
    .addOption(new Option(`${SERVER_FLAGS.host} <addr>`, 'address to listen on (not loopback: exposed)').default(HOST))
    .addOption(intOption(SERVER_FLAGS.port, `port on --host, 0 = any free port`, PORT_RANGE, DEFAULT_PORT))
    .addOption(
      new Option(
        `${SERVER_FLAGS.work} <kind>`,
        'what a request does: spin the CPU, wait --io-ms on a timer, or json/sha256/gzip on its body',
      )
        .choices(WORK_KINDS)
        .default('cpu'),
    );
  return withShedding(withVariantSettings(command))
    .addOption(
      intOption(
        SERVER_FLAGS.rounds,
        'times --work json, sha256 or gzip runs on one body',
        ROUNDS_RANGE,
        DEFAULT_ROUNDS,
      ),
    )
    .addOption(handlerOption())
    .addOption(transferOption())
    .addOption(maxQueueOption())
    .addOption(timeoutOption())
    .addOption(
      new Option(
        SERVER_FLAGS.faultRoutes,
        'for tests only: serve GET /fault/throw (the job throws) and GET /fault/exit (its thread exits; on the event loop, the server)',
      ),
    )
    .addOption(new Option(SERVER_FLAGS.quiet, 'do not log the start/end line of each request'))
    .exitOverride();
}

/** Parses the server's argv (without node and script). Throws commander's error on bad input. */
export function parseServerArgs(argv: readonly string[]): ServerOptions {
  type Defaulted = 'quiet' | 'maxQueue' | 'timeoutMs' | 'faultRoutes' | 'handler';
  type Parsed = Omit<ServerOptions, Defaulted> & Partial<Pick<ServerOptions, Defaulted>>;
  const command = serverCommand();
  const parsed = command.parse([...argv], { from: 'user' }).opts<Parsed>();
  if (parsed.blockingIoMs > 0 && !BLOCKING_IO_VARIANTS.includes(parsed.variant)) {
    command.error(
      `error: ${SERVER_FLAGS.blockingIoMs} needs a thread to hold (${SERVER_FLAGS.variant} ${BLOCKING_IO_VARIANTS.join(', ')}), got ${SERVER_FLAGS.variant} ${parsed.variant}`,
    );
  }
  const exposedFaults = faultRoutesRefusal(parsed.host, parsed.faultRoutes === true);
  if (exposedFaults !== null) command.error(exposedFaults);
  const handler = parsed.handler ?? null;
  const conflict = workloadConflict({ ...parsed, handler });
  if (conflict !== null) command.error(conflict);
  return Object.freeze({
    ...parsed,
    handler,
    maxQueue: parsed.maxQueue ?? defaultMaxQueue(parsed.poolSize),
    timeoutMs: parsed.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    faultRoutes: parsed.faultRoutes === true,
    quiet: parsed.quiet === true,
  });
}

/** The argv that starts a server with these options: the inverse of parseServerArgs. */
export function serverArgv(options: ServerOptions): string[] {
  return (Object.keys(SERVER_FLAGS) as (keyof ServerOptions)[]).flatMap((key) => {
    const value = options[key];
    if (value === null) return [];
    // A switch is present or absent; every other flag is followed by its value.
    if (typeof value === 'boolean') return value ? [SERVER_FLAGS[key]] : [];
    return [SERVER_FLAGS[key], String(value)];
  });
}
