// The server's own figures over HTTP: GET /stats (in flight, event loop, pool, CPU clock) and
// POST /stats/reset when a window opens. A failure says why, and what became of the server.
import type { StatsBody } from '../../server/stats.ts';
import type { Target } from '../process/target.ts';
import { MeasurementError } from './measurement-error.ts';

/**
 * A server that does not answer /stats within this is reported as not answering. Under load a
 * blocked event loop answers only after the requests queued before it: callers then pass more.
 */
const STATS_TIMEOUT_MS = 5_000;

function failureReason(cause: unknown, timeoutMs: number): string {
  if (!(cause instanceof Error)) return String(cause);
  if (cause.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  // fetch() says "fetch failed"; the reason (ECONNREFUSED, ECONNRESET…) is in its cause.
  const code = (cause.cause as NodeJS.ErrnoException | undefined)?.code;
  return code ?? cause.message;
}

async function askStats(target: Target, path: '/stats' | '/stats/reset', timeoutMs: number): Promise<StatsBody> {
  const method = path === '/stats' ? 'GET' : 'POST';
  try {
    const response = await fetch(`${target.origin}${path}`, { method, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new MeasurementError(`${target.name}: ${path} answered ${response.status}`);
    return (await response.json()) as StatsBody;
  } catch (error) {
    if (error instanceof MeasurementError) throw error;
    // A server this run spawned may have exited: say so, with its last words, rather than "refused".
    const pid = target.pid === null ? '' : ` (pid ${target.pid})`;
    const exit = (await target.exitNews?.()) ?? null;
    if (exit !== null) throw new MeasurementError(`the ${target.name} server${pid} ${exit}`);
    throw new MeasurementError(
      `the ${target.name} server${pid} did not answer ${method} ${path}: ${failureReason(error, timeoutMs)}`,
    );
  }
}

/** The server's figures since the last reset. */
export function readStats(target: Target, timeoutMs = STATS_TIMEOUT_MS): Promise<StatsBody> {
  return askStats(target, '/stats', timeoutMs);
}

/** Starts the server's figures afresh: the window's maxima and histograms count from here. */
export async function resetStats(target: Target, timeoutMs = STATS_TIMEOUT_MS): Promise<void> {
  await askStats(target, '/stats/reset', timeoutMs);
}
