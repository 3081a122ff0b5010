// Requests a test holds inside the server while it acts, so that what it checks never depends on
// how fast this machine is: work that cannot finish first and a bound that ends it, and requests
// that reach a stopped server together.
import { get } from 'node:http';
import type { ServerProcess } from '../../loadtests/process/server-process.ts';
import { IO_MS_RANGE, ITERATIONS_RANGE } from '../../server/flags.ts';
import { getJson } from './server.ts';
import { waitFor } from './wait-for.ts';

/** The most work --iterations allows: seconds a request on any machine, so only a deadline ends it. */
export const ENDLESS_ITERATIONS = ITERATIONS_RANGE.max;
/** The longest wait --io-ms allows (a minute): with --work io, only a deadline ends it. */
export const ENDLESS_IO_MS = IO_MS_RANGE.max;
/**
 * How long a held request is held: the deadline (--timeout-ms) that ends endless work, or the wait
 * (--io-ms) where a variant cannot be aborted. Far longer than the few requests and /stats polls a
 * test makes meanwhile, even on a loaded machine; held answers arrive this long after they were sent.
 */
export const HOLD_MS = 2_000;

/** One answer: its status and, for a JSON error, its code. */
export interface Answer {
  readonly status: number;
  readonly error: string | null;
}

export async function answerOf(server: ServerProcess, path: string): Promise<Answer> {
  const { status, body } = await getJson<{ error?: string }>(server, path);
  return { status, error: body.error ?? null };
}

/** Sends one request per client id at once and returns the pending answers. */
export function sendAll(server: ServerProcess, clients: number): Promise<Answer>[] {
  return Array.from({ length: clients }, (_, i) => answerOf(server, `/${i + 1}`));
}

/**
 * Waits until every worker of a pool has started again after some were replaced (a server's first
 * workers answer before it listens), so that no held request's deadline runs out while a worker is
 * still starting (seconds, on a loaded machine): one throwing task per worker
 * (--fault-routes), sent together, so a worker still starting keeps its task and the next goes to
 * another. A round whose tasks met the deadline first is sent again. Clears /stats afterwards.
 */
export async function warmPool(server: ServerProcess, poolSize: number): Promise<void> {
  await waitFor(async () => {
    const answers = await Promise.all(Array.from({ length: poolSize }, () => answerOf(server, '/fault/throw')));
    return answers.every((answer) => answer.error === 'worker_failed');
  }, `each of the ${poolSize} workers to run a task`);
  await getJson(server, '/stats/reset', { method: 'POST' });
}

/**
 * Sends one request per client id while the server is stopped (SIGSTOP) and lets it go on only once
 * the kernel holds every one of them: the server finds them all waiting at once, however slow the
 * machine. Resolves with the statuses, in client order.
 */
export async function arrivingTogether(server: ServerProcess, clients: number): Promise<number[]> {
  const handedOver = new Set<number>();
  process.kill(server.pid, 'SIGSTOP');
  let answers: Promise<number>[];
  try {
    answers = Array.from(
      { length: clients },
      (_, i) =>
        new Promise<number>((resolve, reject) => {
          // A connection of its own: the kernel completes it and keeps the request while the server is stopped.
          const request = get(`${server.baseUrl}/${i + 1}`, { agent: false }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          });
          request.on('finish', () => handedOver.add(i + 1));
          request.on('error', reject);
        }),
    );
    await waitFor(() => handedOver.size === clients, `all ${clients} requests to reach the stopped server`);
  } finally {
    process.kill(server.pid, 'SIGCONT');
  }
  return Promise.all(answers);
}
