import type { ServerOptions } from '../flags.ts';
import type { ConcurrencyGauge } from '../gauge.ts';
import type { JobRequest, JobResult } from '../job.ts';

/** Settings a variant reports in its listening line and in /stats. */
export type VariantSettings = Readonly<Record<string, number | string | boolean | null>>;

/** A variant once started: it runs jobs until it is closed. */
export interface RunningVariant {
  /**
   * Runs one job. `deadline` aborts when the request's --timeout-ms passes; a variant that can
   * stop its work then rejects with a catalogued error, one that cannot says `abortable: false`
   * in its settings.
   */
  run(request: JobRequest, deadline: AbortSignal): Promise<JobResult>;
  readonly settings: VariantSettings;
  close(): Promise<void>;
}

/** One concurrency model. Each lives in its own file and is listed once in ./index.ts. */
export interface Variant {
  /** One line for --help, the README and reports. */
  readonly summary: string;
  /** What the original Python experiment called the same model. */
  readonly pythonAnalogue: string;
  /** Whether --pool-size applies; reports show the size only where it does. */
  readonly usesPoolSize: boolean;
  start(options: ServerOptions, gauge: ConcurrencyGauge): Promise<RunningVariant>;
}
