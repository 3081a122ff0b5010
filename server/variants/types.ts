// The Variant interface every concurrency model implements, and what one returns once started.
import type { ServerOptions } from '../flags.ts';
import type { ConcurrencyGauge } from '../gauge.ts';
import type { JobRequest, JobResult } from '../job.ts';
import type { Counters, PoolTiming, SheddingFigures, VariantSettings } from '../stats.ts';
import type { WorkKind } from '../work.ts';

/** The flag that sizes a variant, as a key of ServerOptions. */
export type SizeSetting = 'poolSize' | 'workers' | 'uvThreads';

/** A variant once started in a serving process: it runs jobs until it is closed. */
export interface RunningVariant {
  /**
   * Runs one job. `deadline` aborts when the request's --timeout-ms passes; a variant that can
   * stop its work then rejects with a catalogued error, one that cannot says `abortable: false`
   * in its settings.
   */
  run(request: JobRequest, deadline: AbortSignal): Promise<JobResult>;
  readonly settings: VariantSettings;
  /** Where counts live outside this process (cluster): /stats reads and resets them there. */
  readonly sharedCounters?: {
    read(): Promise<Counters>;
    reset(): Promise<void>;
  };
  /** Queue and run times of a thread pool, for /stats. */
  readonly poolTiming?: {
    read(): PoolTiming;
    reset(): void;
  };
  /** Its turned-away requests, for /stats: a variant that sheds load (pool). */
  readonly shedding?: {
    read(): SheddingFigures;
    reset(): void;
  };
  close(): Promise<void>;
}

/** One concurrency model. Each lives in its own file and is listed once in ./index.ts. */
export interface Variant {
  /** One line for --help, the README and reports. */
  readonly summary: string;
  /** What the original Python experiment (or its usual alternative) calls the same model. */
  readonly pythonAnalogue: string;
  /** The flag that sizes it, or null when it has no size. */
  readonly sizeSetting: SizeSetting | null;
  /** The work it always does whatever --work says (the io control waits; pbkdf2 is CPU). */
  readonly fixedWork?: WorkKind;
  /** How many requests' work can progress at the same instant; null = no bound of its own. */
  parallelism(options: ServerOptions): number | null;
  /** Environment the server process needs from its very start. */
  env?(options: ServerOptions): Record<string, string>;
  /** Multi-process variants: what the first process does instead of serving HTTP itself. */
  primary?(options: ServerOptions): Promise<void>;
  start(options: ServerOptions, gauge: ConcurrencyGauge): Promise<RunningVariant>;
}

export function workOf(variant: Variant, options: ServerOptions): WorkKind {
  return variant.fixedWork ?? options.work;
}
