// Measures one variant on a fresh server of its own: starts it, measures it (once per engine, or
// as the caller wants), stops it. A row that cannot be measured becomes a failed row with its reason.
import type { ServerOptions } from '../../server/flags.ts';
import { serverEnv, variants } from '../../server/variants/index.ts';
import { workOf, type Variant } from '../../server/variants/types.ts';
import { MeasurementError } from '../observe/measurement-error.ts';
import type { Watch } from '../observe/run-progress.ts';
import type { ProcessGroup } from '../process/process-group.ts';
import { startServer } from '../process/server-process.ts';
import { spawnedTarget, type Target } from '../process/target.ts';
import * as format from '../report/format.ts';
import type { FailedRun, ReportRow, VariantRun } from '../report/model.ts';
import { SERVER_FLAGS } from '../../server/flags.ts';
import { measure, type Measurement, type MeasureSettings, type Subject } from './measure.ts';

/** What every measurement of a program shares: its processes, its log lines and its progress line. */
export interface RunContext extends Watch {
  readonly group: ProcessGroup;
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
export function sizeOf(serverOptions: ServerOptions): VariantRun['size'] {
  const setting = variants[serverOptions.variant].sizeSetting;
  return setting === null ? null : { flag: SERVER_FLAGS[setting], value: serverOptions[setting] };
}

/** Starts the server of one variant, measures it, stops it. */
export function runVariant(
  serverOptions: ServerOptions,
  repetition: number,
  settings: MeasureSettings,
  context: RunContext,
): Promise<Measurement> {
  return onVariantServer(serverOptions, repetition, settings.connections, context, (target, subject) =>
    measure(target(serverOptions.variant), subject, settings, context, context.group),
  );
}

/** Starts the server of one variant, hands it (named as a row wants) and its subject to `use`, stops it. */
export async function onVariantServer<T>(
  serverOptions: ServerOptions,
  repetition: number,
  connections: number,
  context: RunContext,
  use: (target: (name: string) => Target, subject: Subject) => Promise<T>,
): Promise<T> {
  const { variant } = serverOptions;
  const definition: Variant = variants[variant];
  if (definition.sizeSetting === 'workers' && connections < serverOptions.workers) {
    context.say(
      `warning: ${variant} has ${serverOptions.workers} workers but only ${format.plural(connections, 'connection')}: node:cluster hands out connections, not requests, so some workers stay idle`,
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
    return await use((name) => spawnedTarget(name, server), subject);
  } finally {
    await server.stop();
  }
}
