// The flags that say what a request carries and runs beyond the loop: the user's --handler, how the
// pool hands a body over (--transfer), --rounds of the body work kinds, and the bound on a body. A
// leaf like flags.ts: the load runner offers the same --handler and --transfer through it.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { IntRange } from './int-option.ts';
import { SERVER_FLAGS, TRANSFER_MODES, type ServerOptions, type TransferMode, type VariantName } from './options.ts';
import { isBodyWork } from './work.ts';

/** The largest request body the server reads (and --payload-bytes sends); a larger one gets 413. */
export const MAX_BODY_BYTES = 16 * 2 ** 20;
export const BODY_BYTES_RANGE: IntRange = { min: 0, max: MAX_BODY_BYTES };
export const DEFAULT_ROUNDS = 1;
export const ROUNDS_RANGE: IntRange = { min: 1, max: 100_000 };
export const DEFAULT_TRANSFER: TransferMode = 'move';

/**
 * Where a request's own code can run as it is: on an event loop (inline, each cluster worker) or in
 * a worker thread (pool). chunked would need the code cut into slices, libuv runs only Node's own
 * native calls, io is the control that does no work.
 */
export const HANDLER_VARIANTS: readonly VariantName[] = ['inline', 'pool', 'cluster'];
/** The body work kinds run whole where a handler can; libuv runs gzip's async form (body-work.ts). */
const BODY_WORK_VARIANTS: readonly VariantName[] = HANDLER_VARIANTS;
const ASYNC_BODY_WORK = 'gzip';

/** --handler: a module path, resolved against the working directory; it must exist. */
export function handlerOption(): Option {
  return new Option(
    `${SERVER_FLAGS.handler} <path>`,
    `your handler module (.ts or .js), run per request instead of --work: its default export takes { clientId, body } and returns the JSON answer (${HANDLER_VARIANTS.join(', ')})`,
  ).argParser((raw) => {
    const path = resolve(raw);
    if (!existsSync(path) || !statSync(path).isFile())
      throw new InvalidArgumentError(`Allowed: a module file; there is no file at ${path}.`);
    return path;
  });
}

export function transferOption(): Option {
  return new Option(
    `${SERVER_FLAGS.transfer} <mode>`,
    "how the pool variant hands a request's body to its worker: move (transfer the bytes, no copy) or clone (copy them)",
  )
    .choices(TRANSFER_MODES)
    .default(DEFAULT_TRANSFER);
}

type WorkloadChoice = Pick<ServerOptions, 'variant' | 'work' | 'handler'>;

/** Why these options cannot run together, in one line naming both flags; null when they can. */
export function workloadConflict({ variant, work, handler }: WorkloadChoice): string | null {
  const { variant: variantFlag, work: workFlag, handler: handlerFlag } = SERVER_FLAGS;
  if (handler !== null && !HANDLER_VARIANTS.includes(variant))
    return `error: ${handlerFlag} runs where a request's own code can run as it is (${variantFlag} ${HANDLER_VARIANTS.join(', ')}), got ${variantFlag} ${variant}`;
  if (handler !== null && work !== 'cpu')
    return `error: ${handlerFlag} replaces ${workFlag}: give one of them, got ${workFlag} ${work}`;
  if (!isBodyWork(work) || BODY_WORK_VARIANTS.includes(variant)) return null;
  if (variant === 'libuv' && work === ASYNC_BODY_WORK) return null;
  return `error: ${workFlag} ${work} runs whole on a thread (${variantFlag} ${BODY_WORK_VARIANTS.join(', ')}; libuv for ${ASYNC_BODY_WORK}), got ${variantFlag} ${variant}`;
}
