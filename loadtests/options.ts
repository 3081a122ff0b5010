// What `make loadtest` was asked to do, validated (flags.ts builds it), and the parameters its
// reports state from it.
import type { VariantName } from '../server/variants/index.ts';
import type { OverloadPlan } from './cli/overload-flags.ts';
import type { TargetUrl } from './load/target-url.ts';
import type { DurationSettings } from './measure/window-plan.ts';
import type { ReportParameters, VariantSettingValues, Workload } from './report/model.ts';
import type { LoadEngine } from './report/placement-model.ts';
import type { Scenario } from './scenarios/types.ts';

/** One scenario as this invocation runs it. */
export interface PlannedScenario {
  readonly scenario: Scenario;
  readonly variants: readonly VariantName[];
  readonly connections: number;
  /** Passed to its servers: from the flag, else the scenario, else the server's default. */
  readonly maxQueue: number;
  readonly timeoutMs: number;
  /** The overload rows: how clients retry, and pool's shedding on or off. */
  readonly overload: OverloadPlan;
}

/** --target: a server already running, measured instead of spawning one per variant. */
export interface TargetOptions {
  readonly url: TargetUrl;
  /** --target-pid: sampled with its descendants; null = CPU and threads not measured. */
  readonly pid: number | null;
  /** --label: the row's name. */
  readonly label: string;
  /**
   * Requests the target is known to work on at once, for its physical limit; a --target from the
   * command line leaves it out (no bound known). make fastapi: one per uvicorn worker (the GIL).
   */
  readonly parallelism?: number;
  /** Who started the server when this run did (make fastapi: its uvicorn); left out: it was already running. */
  readonly startedBy?: string;
}

export interface LoadtestOptions extends DurationSettings {
  readonly plans: readonly PlannedScenario[];
  readonly warmupSeconds: number;
  readonly settings: VariantSettingValues;
  /** --handler (its absolute path, passed to every server, beside what the report states of it), --payload-bytes, --transfer. */
  readonly workload: Workload & { readonly handlerPath: string | null };
  /** Fresh-server runs per variant; tables show the median and the range. */
  readonly repeat: number;
  /** --until-decided: rows interleaved and repeated until every comparison is decided or --max-duration passes. */
  readonly untilDecided: boolean;
  /** --equivalence-margin as a share (0.05 = ±5%): what comparisons call "equivalent". */
  readonly equivalenceMargin: number;
  readonly probeIntervalMs: number;
  /** Exit non-zero when a variant had more failed requests than this; null: never. */
  readonly failOnErrors: number | null;
  /** null: spawn a fresh server per variant. */
  readonly target: TargetOptions | null;
  /** One connection per request, closed after the answer (curl), instead of keep-alive. */
  readonly newConnection: boolean;
  /** --engine: each row is measured once per engine, in this order, on the same server. */
  readonly engines: readonly LoadEngine[];
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

/** How the scenario was run, as its report states it. */
export function reportParameters(options: LoadtestOptions, plan: PlannedScenario): ReportParameters {
  return {
    connections: plan.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    work: plan.scenario.work,
    settings: options.settings,
    workload: {
      handler: options.workload.handler,
      payloadBytes: options.workload.payloadBytes,
      transfer: options.workload.transfer,
    },
    repeat: options.repeat,
    equivalenceMargin: options.equivalenceMargin,
    probeIntervalMs: options.probeIntervalMs,
    maxQueue: plan.maxQueue,
    timeoutMs: plan.timeoutMs,
  };
}
