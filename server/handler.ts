// The user's --handler: a module whose default export answers one request. Loaded where the work
// runs (the event loop, each pool worker, each cluster process), and checked once at start so that a
// broken handler is one line before any load is sent, not a stream of 500s during it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { messageOf } from './errors.ts';

/** What the handler is given for each request: the body's bytes, or null for a GET. */
export interface HandlerInput {
  readonly clientId: number;
  readonly body: Uint8Array | null;
}

export type Handler = (input: HandlerInput) => unknown;

/** A handler that cannot serve: the server says this line and exits before it listens. */
export class HandlerError extends Error {
  override name = 'HandlerError';
}

/** The input of the start-up check: the first client, no body, as a GET sends it. */
export const CHECK_INPUT: HandlerInput = { clientId: 1, body: null };

/**
 * The module, through require first as piscina loads its workers: in a worker thread on Node 20,
 * tsx's hook for import() is not in place (ERR_UNKNOWN_FILE_EXTENSION), its hook for require is.
 */
async function importModule(path: string): Promise<{ default?: unknown }> {
  try {
    return createRequire(import.meta.url)(path) as { default?: unknown };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw cause;
    return (await import(pathToFileURL(path).href)) as { default?: unknown };
  }
}

/** Imports the module (tsx compiles TypeScript) and returns its default export. */
export async function loadHandler(path: string): Promise<Handler> {
  let module: { default?: unknown };
  try {
    module = await importModule(path);
  } catch (cause) {
    throw new HandlerError(`error: --handler ${path} threw while it was imported: ${messageOf(cause)}`);
  }
  const handler = module.default;
  if (typeof handler !== 'function')
    throw new HandlerError(
      `error: --handler ${path} must export a default function ({ clientId, body }) => answer, its default export is ${handler === undefined ? 'missing' : typeof handler}`,
    );
  return handler as Handler;
}

/** Loads the handler and calls it once with CHECK_INPUT: its answer must be JSON. */
export async function checkHandler(path: string): Promise<void> {
  const handler = await loadHandler(path);
  let answer: unknown;
  try {
    answer = await handler(CHECK_INPUT);
  } catch (cause) {
    throw new HandlerError(
      `error: --handler ${path} threw when called with { clientId: 1, body: null }: ${messageOf(cause)}`,
    );
  }
  try {
    JSON.stringify(answer);
  } catch (cause) {
    throw new HandlerError(`error: --handler ${path} returned an answer that is not JSON: ${messageOf(cause)}`);
  }
}

/** checkHandler for a program's entry: a broken handler is its one line on stderr and exit code 1. */
export async function checkHandlerOrExit(path: string): Promise<void> {
  try {
    await checkHandler(path);
  } catch (error) {
    if (!(error instanceof HandlerError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
