// Runs one scenario: on each variant, a fresh server per variant, measured by measure.ts; or, with
// --target, the server the user points at. Measures and builds rows; never renders. A row that
// cannot be measured becomes a failed row with its reason, and the run goes on to the next.
import { HOST, type ServerOptions } from '../../server/flags.ts';
import { DEFAULT_SHED_HOLD_MS, DEFAULT_SHED_MAX_HELD } from '../../server/shed-flags.ts';
import { DEFAULT_ROUNDS, DEFAULT_TRANSFER } from '../../server/workload-flags.ts';
import type { VariantName } from '../../server/variants/index.ts';
import { jsonPayload } from '../load/payload.ts';
import type { EventLog } from '../observe/event-log.ts';
import type { LoadtestOptions, PlannedScenario } from '../options.ts';
import { openExternalTarget } from '../process/target.ts';
import type { ReportRow, VariantRun, VariantSettingValues } from '../report/model.ts';
import type { RetryMode } from '../report/overload-model.ts';
import type { LoadEngine } from '../report/placement-model.ts';
import { buildRun } from './build-run.ts';
import { measure, type MeasureSettings } from './measure.ts';
import { sheddingServers } from './shedding-servers.ts';
import {
  failedRowOf,
  measuredOrFailed,
  onVariantServer,
  type RowKey,
  type RunContext,
  sizeOf,
} from './variant-server.ts';

// Their home is variant-server.ts; the sweep, bench and fastapi import them from here.
export { failedRowOf, measuredOrFailed, type RowKey, type RunContext, runVariant } from './variant-server.ts';

/** A scenario's run: the program's options, and a --target's log. */
export interface ScenarioContext extends RunContext {
  readonly options: LoadtestOptions;
  /** The --target server's start/end lines, when whoever started it can hand them over. */
  readonly targetLog?: EventLog;
}

/** The server a variant row starts: the scenario's work and queue, the run's settings, any free port. */
export function serverOptionsFor(
  variant: VariantName,
  plan: Pick<PlannedScenario, 'scenario' | 'maxQueue' | 'timeoutMs'>,
  settings: VariantSettingValues,
  workload: Pick<ServerOptions, 'handler' | 'transfer'> = { handler: null, transfer: DEFAULT_TRANSFER },
): ServerOptions {
  return {
    variant,
    host: HOST,
    port: 0,
    work: plan.scenario.work,
    maxQueue: plan.maxQueue,
    timeoutMs: plan.timeoutMs,
    faultRoutes: false,
    rounds: DEFAULT_ROUNDS,
    shedHoldMs: DEFAULT_SHED_HOLD_MS,
    shedMaxHeld: DEFAULT_SHED_MAX_HELD,
    ...workload,
    quiet: false,
    ...settings,
  };
}

/** One measured window of the scenario. */
function measureSettings(options: LoadtestOptions, plan: PlannedScenario): MeasureSettings {
  return {
    connections: plan.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    autoDuration: options.autoDuration,
    maxDurationSeconds: options.maxDurationSeconds,
    minRounds: options.minRounds,
    probeIntervalMs: options.probeIntervalMs,
    newConnection: options.newConnection,
    repeat: options.repeat,
    turnAwaysMeasured: plan.scenario.turnAwaysMeasured === true,
    requestBody: options.workload.payloadBytes > 0 ? jsonPayload(options.workload.payloadBytes) : null,
  };
}

/** How many rows runScenario measures: the steps of the run's progress line. */
export function plannedRows(plan: PlannedScenario, options: LoadtestOptions): number {
  const servers = plan.variants.reduce((sum, variant) => sum + sheddingServers(variant, plan.overload).length, 0);
  const perServer = enginePlans(options.engines, plan.overload.retry, measureSettings(options, plan)).length;
  return options.repeat * (options.target === null ? servers : 1) * perServer;
}

/** One --engine as a row uses it: the row's name (suffixed when several engines run) and its settings. */
interface EnginePlan {
  readonly named: (name: string) => string;
  readonly settings: MeasureSettings;
}

/** Clients that retry at once: a row per engine. Clients that honour Retry-After: one row, our own clients. */
function enginePlans(engines: readonly LoadEngine[], retry: readonly RetryMode[], settings: MeasureSettings) {
  const atOnce = engines.map((engine) => ({
    named: (name: string) => (engines.length > 1 ? `${name} · ${engine.name}` : name),
    settings: { ...settings, locust: engine.name === 'locust' ? engine : null },
  }));
  const polite = {
    named: (name: string) => `${name} · Retry-After`,
    settings: { ...settings, locust: null, retry: 'retry-after' as const },
  };
  return [...(retry.includes('at-once') ? atOnce : []), ...(retry.includes('retry-after') ? [polite] : [])];
}

/** Every engine's row of one variant, one after another on the same fresh server. */
async function engineRows(
  serverOptions: ServerOptions,
  repetition: number,
  engines: readonly EnginePlan[],
  key: (engine: EnginePlan) => RowKey,
  step: (engine: EnginePlan) => void,
  context: RunContext,
): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  const connections = engines[0]?.settings.connections ?? 0;
  try {
    await onVariantServer(serverOptions, repetition, connections, context, async (target, subject) => {
      for (const engine of engines) {
        step(engine);
        const measureRow = async () =>
          buildRun(await measure(target(key(engine).variant), subject, engine.settings, context, context.group));
        rows.push(await measuredOrFailed(key(engine), measureRow, context.say));
      }
    });
  } catch (error) {
    if (rows.length === engines.length) throw error; // all measured: the server failed to stop
    // The server did not start (or died): each row not yet measured fails with it.
    for (const engine of engines.slice(rows.length)) rows.push(failedRowOf(key(engine), error, context.say));
  }
  return rows;
}

/**
 * Runs every planned variant in turn, one server at a time so they never share the cores; with
 * --repeat, the whole round again, so a slow spell of the machine does not hit one variant only.
 * With --target, the same rounds on the one server pointed at.
 */
export async function runScenario(plan: PlannedScenario, context: ScenarioContext): Promise<ReportRow[]> {
  const { options, say, progress } = context;
  const settings = measureSettings(options, plan);
  const of = (repetition: number) => (options.repeat > 1 ? `, run ${repetition} of ${options.repeat}` : '');
  const rows: ReportRow[] = [];
  const row = (variant: string, repetition: number, size: VariantRun['size']): RowKey => ({
    variant,
    repetition,
    size,
    newConnection: options.newConnection,
  });
  const engines: EnginePlan[] = enginePlans(options.engines, plan.overload.retry, settings);
  if (options.target !== null) {
    const { label } = options.target;
    // The scenario's work kind says what the target is expected to do; its bound, if anyone knows it.
    const subject = {
      work: plan.scenario.work,
      parallelism: options.target.parallelism ?? null,
      poolSize: null,
      size: null,
      ioMs: options.settings.ioMs,
      blockingIoMs: 0,
    };
    const opened = openExternalTarget(options.target, context.targetLog ?? null);
    for (let repetition = 1; repetition <= options.repeat; repetition++) {
      for (const engine of engines) {
        const name = engine.named(label);
        progress.step(`${plan.scenario.name}, ${name}${of(repetition)}`);
        const measureTarget = async () =>
          buildRun(
            await measure(
              { ...(await opened), name },
              { ...subject, repetition },
              engine.settings,
              context,
              context.group,
            ),
          );
        rows.push(await measuredOrFailed(row(name, repetition, null), measureTarget, say));
      }
    }
    return rows;
  }
  for (let repetition = 1; repetition <= options.repeat; repetition++) {
    for (const variant of plan.variants) {
      const { handlerPath, transfer } = options.workload;
      for (const { suffix, ...shedding } of sheddingServers(variant, plan.overload)) {
        const workload = { handler: handlerPath, transfer };
        const serverOptions = { ...serverOptionsFor(variant, plan, options.settings, workload), ...shedding };
        const key = (engine: EnginePlan) => row(engine.named(`${variant}${suffix}`), repetition, sizeOf(serverOptions));
        const step = (engine: EnginePlan) =>
          progress.step(`${plan.scenario.name}, ${key(engine).variant}${of(repetition)}`);
        rows.push(...(await engineRows(serverOptions, repetition, engines, key, step, context)));
      }
    }
  }
  return rows;
}
