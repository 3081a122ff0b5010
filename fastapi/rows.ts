// The Python rows of `make fastapi`: which app, how many uvicorn workers, which connection mode.
// Data only; one line per row. Labels are the rows' names in the report.

export type PythonApp = 'app_async' | 'app_def';

export interface PythonRow {
  readonly label: string;
  /** fastapi/<app>.py: the original handler as `async def` or as plain `def`. */
  readonly app: PythonApp;
  /** uvicorn --workers. */
  readonly workers: number;
  /** --new-connection: curl's connection per request, which lets uvicorn's workers share the load. */
  readonly newConnection: boolean;
}

export const PYTHON_ROWS: readonly PythonRow[] = [
  { label: 'python async def', app: 'app_async', workers: 1, newConnection: false },
  { label: 'python def', app: 'app_def', workers: 1, newConnection: false },
  { label: 'python def ×2 workers', app: 'app_def', workers: 2, newConnection: false },
  { label: 'python def ×2 workers new-conn', app: 'app_def', workers: 2, newConnection: true },
];

/** The Node rows measured in the same invocation. */
export const NODE_VARIANTS = ['inline', 'pool'] as const;
