// The models `make fastapi` compares: the original app as `async def` and as `def`, Python's own
// answers for CPU work (a process pool behind `async def`; `def` under uvicorn --workers), and Node's
// inline, pool and cluster. Data only; one line per model. Labels are the models' names in the report.
import * as format from '../loadtests/report/format.ts';
import type { VariantName } from '../server/variants/index.ts';

export type PythonApp = 'app_async' | 'app_def' | 'app_process_pool';

/** How many processes a model uses: one, or one per effective core (sized like Node's pool). */
export type ModelSize = 'one' | 'cores';

export interface PythonModel {
  readonly label: string;
  /** fastapi/<app>.py: the original handler as `async def`, as plain `def`, or `async def` over a process pool. */
  readonly app: PythonApp;
  /** uvicorn --workers. */
  readonly workers: ModelSize;
  /** POOL_PROCESSES of app_process_pool.py; 'one' where the app has no pool. */
  readonly poolProcesses: ModelSize;
  /** --new-connection: curl's connection per request, which lets uvicorn's workers share the load. */
  readonly newConnection: boolean;
}

export const PYTHON_MODELS = {
  async: { label: 'python async def', app: 'app_async', workers: 'one', poolProcesses: 'one', newConnection: false },
  def: { label: 'python def', app: 'app_def', workers: 'one', poolProcesses: 'one', newConnection: false },
  processPool: {
    label: 'python async def + process pool',
    app: 'app_process_pool',
    workers: 'one',
    poolProcesses: 'cores',
    newConnection: false,
  },
  workers: {
    label: 'python def, uvicorn --workers',
    app: 'app_def',
    workers: 'cores',
    poolProcesses: 'one',
    newConnection: true,
  },
} as const satisfies Record<string, PythonModel>;

/** Processes of a model's size on `cores` effective cores. */
export const processesOf = (size: ModelSize, cores: number): number => (size === 'cores' ? cores : 1);

/** Requests a Python model runs at once: one per uvicorn worker or pool process, each Python on one core (the GIL). */
export const pythonParallelism = (model: PythonModel, cores: number): number =>
  Math.max(processesOf(model.workers, cores), processesOf(model.poolProcesses, cores));

/** The Node variants measured at the same client counts, in the same invocation. */
export const NODE_VARIANTS = ['inline', 'pool', 'cluster'] as const satisfies readonly VariantName[];

/** Requests each Node variant runs at once as make fastapi sizes it: pool and cluster to the cores (nodeOptions). */
export const NODE_SIZES = { inline: 'one', pool: 'cores', cluster: 'cores' } as const satisfies Record<
  (typeof NODE_VARIANTS)[number],
  ModelSize
>;

/** A row's name in the report: the model and its client count, so each count is a row of its own. */
export const rowLabel = (model: string, clients: number): string => `${model} · ${format.clients(clients)}`;

/** The model of a row, from its label (rowLabel's inverse). */
export const modelOf = (label: string): string => label.split(' · ')[0] ?? label;
