// Measures one scenario on each variant: a fresh server per variant, an uncounted warm-up, then
// the measured window with server-side figures taken at its edges. Measures; never renders.
import { originalForm } from '../server/log-line.ts';
import { variants, type VariantName } from '../server/variants/index.ts';
import type { StatsBody } from '../server/stats.ts';
import { runClosedLoop } from './closed-loop.ts';
import type { LoadtestOptions } from './flags.ts';
import type { ProcessGroup } from './process-group.ts';
import type { VariantRun } from './report/model.ts';
import { cpuBetween, snapshot } from './sample.ts';
import { startServer, type ServerProcess } from './server-process.ts';

/** Start/end lines quoted per variant in the report. */
const EXCERPT_LINES = 12;
/** Warm-up requests still queued in the server must finish before the window opens. */
const DRAIN_TIMEOUT_MS = 30_000;
const DRAIN_POLL_MS = 20;

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

async function serverStats(server: ServerProcess, path: '/stats' | '/stats/reset'): Promise<StatsBody> {
  const response = await fetch(`${server.baseUrl}${path}`, { method: path === '/stats' ? 'GET' : 'POST' });
  if (!response.ok) throw new MeasurementError(`${path} answered ${response.status}`);
  return (await response.json()) as StatsBody;
}

/** Waits until the server has no request in its handler, so the window starts clean. */
async function drain(server: ServerProcess, variant: VariantName): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while ((await serverStats(server, '/stats')).inHandler > 0) {
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
    await serverStats(server, '/stats/reset');
    const before = await snapshot(server.pid);
    const { result, clients } = await runClosedLoop({ ...load, durationSeconds: options.durationSeconds });
    const after = await snapshot(server.pid);
    const stats = await serverStats(server, '/stats');
    const events = server.recorded();

    const served = result['2xx'];
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
