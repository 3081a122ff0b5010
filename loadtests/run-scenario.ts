// Measures one scenario on each variant: a fresh server per variant, an uncounted warm-up, then
// the measured window with server-side figures taken at its edges. Measures; never renders.
import { originalForm } from '../server/log-line.ts';
import { variants, type VariantName } from '../server/variants/index.ts';
import type { StatsBody } from '../server/stats.ts';
import { runClosedLoop } from './closed-loop.ts';
import { countHealthAnswers } from './health-count.ts';
import type { LoadtestOptions } from './flags.ts';
import type { ProcessGroup } from './process-group.ts';
import type { VariantRun } from './report/model.ts';
import { cpuBetween, snapshot } from './sample.ts';
import { describeExit, startServer, type ServerProcess } from './server-process.ts';

/** Start/end lines quoted per variant in the report. */
const EXCERPT_LINES = 12;
/** Warm-up requests still queued in the server must finish before the window opens. */
const DRAIN_TIMEOUT_MS = 30_000;
const DRAIN_POLL_MS = 20;
/** A server that does not answer /stats within this is reported as not answering. */
const STATS_TIMEOUT_MS = 5_000;
/** How long a failed request waits for the news that the server process exited. */
const EXIT_NEWS_MS = 1_000;

export class MeasurementError extends Error {
  override name = 'MeasurementError';
}

export interface RunContext {
  readonly options: LoadtestOptions;
  readonly group: ProcessGroup;
  /** One line of progress for the person watching (stderr). */
  readonly say: (line: string) => void;
  readonly showProgressBar: boolean;
}

/** What went wrong with a server that stopped answering: it exited, or it is there but silent. */
async function silence(server: ServerProcess, variant: VariantName, what: string, cause: unknown): Promise<MeasurementError> {
  // A refused connection can come before the news that the process exited: give the news a moment.
  const noNews = new Promise<null>((resolve) => setTimeout(resolve, EXIT_NEWS_MS, null).unref());
  const status = await Promise.race([server.exited, noNews]);
  if (status !== null) {
    return new MeasurementError(`the ${variant} server (pid ${server.pid}) exited during the run (${describeExit(status)}): ${server.stderrTail()}`);
  }
  return new MeasurementError(`the ${variant} server (pid ${server.pid}) did not answer ${what}: ${failureReason(cause)}`);
}

function failureReason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  if (cause.name === 'TimeoutError') return `no answer within ${STATS_TIMEOUT_MS / 1000} s`;
  // fetch() says "fetch failed"; the reason (ECONNREFUSED, ECONNRESET…) is in its cause.
  const code = (cause.cause as NodeJS.ErrnoException | undefined)?.code;
  return code ?? cause.message;
}

async function serverStats(server: ServerProcess, variant: VariantName, path: '/stats' | '/stats/reset'): Promise<StatsBody> {
  const method = path === '/stats' ? 'GET' : 'POST';
  try {
    const response = await fetch(`${server.baseUrl}${path}`, { method, signal: AbortSignal.timeout(STATS_TIMEOUT_MS) });
    if (!response.ok) throw new MeasurementError(`${path} answered ${response.status}`);
    return (await response.json()) as StatsBody;
  } catch (error) {
    if (error instanceof MeasurementError) throw error;
    throw await silence(server, variant, `${method} ${path}`, error);
  }
}

/** Waits until the server has no request in its handler, so the window starts clean. */
async function drain(server: ServerProcess, variant: VariantName): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while ((await serverStats(server, variant, '/stats')).inHandler > 0) {
    if (Date.now() > deadline) throw new MeasurementError(`the ${variant} server still had requests in its handler ${DRAIN_TIMEOUT_MS / 1000} s after the warm-up`);
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}

export async function runVariant(variant: VariantName, context: RunContext): Promise<VariantRun> {
  const { options, say } = context;
  const poolSize = variants[variant].usesPoolSize ? options.poolSize : null;
  const server = await startServer(
    {
      variant,
      port: 0,
      poolSize: options.poolSize,
      iterations: options.iterations,
      maxQueue: options.maxQueue,
      timeoutMs: options.timeoutMs,
      faultRoutes: false,
      quiet: false,
    },
    context.group,
  );
  try {
    const load = { baseUrl: server.baseUrl, connections: options.connections, showProgress: context.showProgressBar };
    if (options.warmupSeconds > 0) {
      say(`${variant}: warm-up ${options.warmupSeconds} s (not counted)`);
      await runClosedLoop({ ...load, durationSeconds: options.warmupSeconds });
      await drain(server, variant);
    }
    say(`${variant}: measuring ${options.durationSeconds} s with ${options.connections} clients (server pid ${server.pid})`);
    server.record();
    await serverStats(server, variant, '/stats/reset');
    const before = await snapshot(server.pid);
    const stopProbe = new AbortController();
    const health = options.scenario.healthProbe === true ? countHealthAnswers(server.baseUrl, stopProbe.signal) : null;
    const measured = await runClosedLoop({ ...load, durationSeconds: options.durationSeconds }).finally(() => stopProbe.abort());
    const { result, clients } = measured;
    const after = await snapshot(server.pid);
    const stats = await serverStats(server, variant, '/stats');
    const events = server.recorded();

    const served = result['2xx'];
    if (served === 0 && result.errors + result.timeouts + result.non2xx === 0) {
      throw new MeasurementError(`the ${variant} server (pid ${server.pid}) answered none of the requests sent in ${options.durationSeconds} s`);
    }
    if (served === 0) {
      throw new MeasurementError(
        `every request to the ${variant} server failed: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
      );
    }
    const cpu = before !== null && after !== null ? cpuBetween(before, after) : null;
    const servedCounts = clients.map((client) => client.served);
    return {
      variant,
      poolSize,
      connections: options.connections,
      durationSeconds: result.duration,
      requests: served,
      requestsPerSecond: served / result.duration,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: result.latency.mean,
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCounts: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count ?? 0])),
      servedLatencyMs: measured.servedLatencyMs,
      health: health === null ? null : await health,
      server: {
        maxInFlight: stats.maxInFlight,
        maxInHandler: stats.maxInHandler,
        cpuPercent: cpu?.cpuPercent ?? null,
        threads: cpu?.threads ?? null,
        busyThreads: cpu?.busyThreads ?? null,
        residentBytes: cpu?.residentBytes ?? null,
      },
      clients,
      fairness: Math.min(...servedCounts) / Math.max(...servedCounts),
      logExcerpt: events.slice(0, EXCERPT_LINES).map(originalForm),
    };
  } finally {
    await server.stop();
  }
}

/** Runs every selected variant in turn: one server at a time, so they never share the cores. */
export async function runScenario(context: RunContext): Promise<VariantRun[]> {
  const runs: VariantRun[] = [];
  for (const variant of context.options.variants) runs.push(await runVariant(variant, context));
  return runs;
}
