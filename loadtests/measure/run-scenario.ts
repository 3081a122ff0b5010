// Runs one scenario: on each variant, a fresh server per variant, measured by measure.ts; or, with
// --target, the server the user points at. Measures and builds rows; never renders. A row that
// cannot be measured becomes a failed row with its reason, and the run goes on to the next.
import { HOST, SERVER_FLAGS, type ServerOptions } from '../../server/flags.ts';
import { DEFAULT_ROUNDS, DEFAULT_TRANSFER } from '../../server/workload-flags.ts';
import { serverEnv, variants, type VariantName } from '../../server/variants/index.ts';
import { workOf, type Variant } from '../../server/variants/types.ts';
import { jsonPayload } from '../load/payload.ts';
import type { EventLog } from '../observe/event-log.ts';
import type { Watch } from '../observe/run-progress.ts';
import { MeasurementError } from '../observe/measurement-error.ts';
import type { LoadtestOptions, PlannedScenario } from '../options.ts';
import type { ProcessGroup } from '../process/process-group.ts';
import { startServer } from '../process/server-process.ts';
import { openExternalTarget, spawnedTarget } from '../process/target.ts';
import * as format from '../report/format.ts';
import type { FailedRun, ReportRow, VariantRun, VariantSettingValues } from '../report/model.ts';
import { buildRun } from './build-run.ts';
import { measure, type Measurement, type MeasureSettings } from './measure.ts';

/** What every measurement of a program shares: its processes, its log lines and its progress line. */
export interface RunContext extends Watch {
  readonly group: ProcessGroup;
}

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
    probeIntervalMs: options.probeIntervalMs,
    newConnection: options.newConnection,
    locust: options.locust,
    repeat: options.repeat,
    turnAwaysMeasured: plan.scenario.turnAwaysMeasured === true,
    requestBody: options.workload.payloadBytes > 0 ? jsonPayload(options.workload.payloadBytes) : null,
  };
}

/** The identity of a row, whether it is measured or fails. */
export type RowKey = Omit<FailedRun, 'state' | 'reason'>;

/** A MeasurementError (the server did not start or answer) as a failed row; anything else is a broken run. */
export function failedRowOf(row: RowKey, error: unknown, say: (line: string) => void): FailedRun {
  if (!(error instanceof MeasurementError)) throw error;
  say(`${row.variant}: could not be measured, reported as a failed row: ${error.message}`);
  return { state: 'failed', ...row, reason: error.message };
}

/** Measures one row, or makes it a failed row. */
export async function measuredOrFailed(
  row: RowKey,
  measureRow: () => Promise<VariantRun>,
  say: (line: string) => void,
): Promise<ReportRow> {
  try {
    return await measureRow();
  } catch (error) {
    return failedRowOf(row, error, say);
  }
}

/** The flag that sizes a variant and its value, as its row shows it. */
function sizeOf(serverOptions: ServerOptions): VariantRun['size'] {
  const setting = variants[serverOptions.variant].sizeSetting;
  return setting === null ? null : { flag: SERVER_FLAGS[setting], value: serverOptions[setting] };
}

/** Starts the server of one variant, measures it, stops it. */
export async function runVariant(
  serverOptions: ServerOptions,
  repetition: number,
  settings: MeasureSettings,
  context: RunContext,
): Promise<Measurement> {
  const { variant } = serverOptions;
  const definition: Variant = variants[variant];
  if (definition.sizeSetting === 'workers' && settings.connections < serverOptions.workers) {
    context.say(
      `warning: ${variant} has ${serverOptions.workers} workers but only ${format.plural(settings.connections, 'connection')}: node:cluster hands out connections, not requests, so some workers stay idle`,
    );
  }
  const server = await startServer(serverOptions, context.group, serverEnv(serverOptions));
  try {
    const subject = {
      repetition,
      work: workOf(definition, serverOptions),
      parallelism: definition.parallelism(serverOptions),
      poolSize: definition.sizeSetting === 'poolSize' ? serverOptions.poolSize : null,
      size: sizeOf(serverOptions),
      ioMs: serverOptions.ioMs,
      blockingIoMs: serverOptions.blockingIoMs,
    };
    return await measure(spawnedTarget(variant, server), subject, settings, context);
  } finally {
    await server.stop();
  }
}

/** How many rows runScenario measures: the steps of the run's progress line. */
export function plannedRows(plan: PlannedScenario, options: LoadtestOptions): number {
  return options.repeat * (options.target === null ? plan.variants.length : 1);
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
      progress.step(`${plan.scenario.name}, ${label}${of(repetition)}`);
      const measureTarget = async () =>
        buildRun(await measure(await opened, { ...subject, repetition }, settings, context));
      rows.push(await measuredOrFailed(row(label, repetition, null), measureTarget, say));
    }
    return rows;
  }
  for (let repetition = 1; repetition <= options.repeat; repetition++) {
    for (const variant of plan.variants) {
      const { handlerPath, transfer } = options.workload;
      const serverOptions = serverOptionsFor(variant, plan, options.settings, { handler: handlerPath, transfer });
      progress.step(`${plan.scenario.name}, ${variant}${of(repetition)}`);
      const measureVariant = async () => buildRun(await runVariant(serverOptions, repetition, settings, context));
      rows.push(await measuredOrFailed(row(variant, repetition, sizeOf(serverOptions)), measureVariant, say));
    }
  }
  return rows;
}
