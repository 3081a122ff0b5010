// The rows of one client count: Node's variants through the load runner, then each Python model
// under its own uvicorn, measured as a --target. A uvicorn that fails to start is a failed row.
import { parseLoadtestArgs } from '../loadtests/flags.ts';
import { failedRowOf, runScenario, type ScenarioContext } from '../loadtests/measure/run-scenario.ts';
import type { LoadtestOptions, PlannedScenario } from '../loadtests/options.ts';
import type { ReportRow } from '../loadtests/report/model.ts';
import * as format from '../loadtests/report/format.ts';
import { SERVER_FLAGS } from '../server/flags.ts';
import { commonLoadtestArgs, WORK_DIR, type FastapiOptions } from './flags.ts';
import { NODE_VARIANTS, processesOf, type PythonModel, pythonParallelism, rowLabel } from './rows.ts';
import { startUvicorn, type UvicornServer } from './uvicorn.ts';

export type RowContext = Omit<ScenarioContext, 'options'>;

/** The context of one client count: its rows' steps on the progress line name the count too. */
export function atClients(context: RowContext, clients: number): RowContext {
  const { progress } = context;
  return {
    ...context,
    progress: { ...progress, step: (name) => progress.step(`${name} · ${format.clients(clients)}`) },
  };
}

export function planOf(options: LoadtestOptions): PlannedScenario {
  const plan = options.plans[0];
  if (plan === undefined) throw new Error('the load runner planned no scenario');
  return plan;
}

/** Node's rows at one client count; the pool and the cluster sized like the Python pool (`cores`). */
export function nodeOptions(
  options: FastapiOptions,
  clients: number,
  cores: number,
  variants: readonly string[] = NODE_VARIANTS,
): LoadtestOptions {
  return parseLoadtestArgs([
    ...commonLoadtestArgs(options, clients),
    '--variants',
    variants.join(','),
    SERVER_FLAGS.poolSize,
    String(cores),
    SERVER_FLAGS.workers,
    String(cores),
  ]);
}

export async function nodeRows(
  options: FastapiOptions,
  clients: number,
  cores: number,
  context: RowContext,
): Promise<ReportRow[]> {
  const loadtest = nodeOptions(options, clients, cores);
  const rows = await runScenario(planOf(loadtest), { ...atClients(context, clients), options: loadtest });
  return rows.map((row) => ({ ...row, variant: rowLabel(row.variant, clients) }));
}

/** One Python model at one client count (its `repetition`-th run): start its uvicorn, measure it as a --target, stop it. */
export async function pythonRow(
  model: PythonModel,
  options: FastapiOptions,
  clients: number,
  cores: number,
  context: RowContext,
  repetition = 1,
): Promise<ReportRow[]> {
  const label = rowLabel(model.label, clients);
  const rowOf = { variant: label, repetition, size: null, newConnection: model.newConnection };
  const workers = processesOf(model.workers, cores);
  const poolProcesses = processesOf(model.poolProcesses, cores);
  let server: UvicornServer;
  try {
    server = await startUvicorn(
      { model, label, workers, poolProcesses, loopIterations: options.loopIterations },
      context.group,
      WORK_DIR,
    );
  } catch (error) {
    return [failedRowOf(rowOf, error, context.say)];
  }
  try {
    const rowOptions = parseLoadtestArgs([
      ...commonLoadtestArgs(options, clients),
      '--target',
      `${server.origin}/{client}`,
      '--target-pid',
      String(server.pid),
      '--label',
      label,
      ...(model.newConnection ? ['--new-connection'] : []),
    ]);
    const parallelism = pythonParallelism(model, cores);
    const sized = [
      workers === 1 ? '1 worker' : `--workers ${workers}`,
      ...(model.poolProcesses === 'cores' ? [`a ProcessPoolExecutor of ${poolProcesses}`] : []),
    ];
    const startedBy = `uvicorn (${sized.join(', ')}), started by make fastapi for this row`;
    const target = rowOptions.target === null ? null : { ...rowOptions.target, parallelism, startedBy };
    const rows = await runScenario(planOf(rowOptions), {
      ...context,
      options: { ...rowOptions, target },
      targetLog: server.log,
    });
    return rows.map((row) => ({ ...row, repetition }));
  } finally {
    await server.stop();
  }
}
