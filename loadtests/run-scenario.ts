// Measures one scenario on each variant: a fresh server per variant, an uncounted warm-up, a
// calibration of the CPU cost of one request, then the measured window with server-side figures
// taken at its edges. Measures; never renders.
import { availableParallelism } from 'node:os';
import { SERVER_FLAGS, serverEnv, type ServerOptions } from '../server/flags.ts';
import { originalForm, type WorkEvent } from '../server/log-line.ts';
import type { StatsBody } from '../server/stats.ts';
import { variants, type VariantName } from '../server/variants/index.ts';
import { workOf, type Variant } from '../server/variants/types.ts';
import { calibrateCpuMsPerRequest } from './calibrate.ts';
import { runClosedLoop } from './closed-loop.ts';
import type { LoadtestOptions, PlannedScenario } from './flags.ts';
import { physicalLimit } from './limit.ts';
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
export async function drain(server: ServerProcess, variant: VariantName): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while ((await serverStats(server, '/stats')).inHandler > 0) {
    if (Date.now() > deadline) throw new MeasurementError(`the ${variant} server still had requests in its handler ${DRAIN_TIMEOUT_MS / 1000} s after the warm-up`);
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}

function servedByProcess(events: readonly WorkEvent[]): { pid: number; served: number }[] {
  const counts = new Map<number, number>();
  for (const event of events) if (event.kind === 'End') counts.set(event.pid, (counts.get(event.pid) ?? 0) + 1);
  return [...counts].map(([pid, served]) => ({ pid, served })).sort((a, b) => b.served - a.served);
}

export function serverOptionsFor(variant: VariantName, plan: PlannedScenario, options: LoadtestOptions): ServerOptions {
  return { variant, port: 0, work: plan.scenario.work, quiet: false, ...options.settings };
}

export async function runVariant(variant: VariantName, plan: PlannedScenario, context: RunContext): Promise<VariantRun> {
  const { options, say } = context;
  const definition: Variant = variants[variant];
  const serverOptions = serverOptionsFor(variant, plan, options);
  const work = workOf(definition, serverOptions);
  const parallelism = definition.parallelism(serverOptions);
  if (definition.sizeSetting === 'workers' && plan.connections < serverOptions.workers) {
    say(`warning: ${variant} has ${serverOptions.workers} workers but only ${plan.connections} connections: node:cluster hands out connections, not requests, so some workers stay idle`);
  }
  const server = await startServer(serverOptions, context.group, serverEnv(serverOptions));
  try {
    const load = { baseUrl: server.baseUrl, connections: plan.connections, showProgress: context.showProgressBar };
    if (options.warmupSeconds > 0) {
      say(`${variant}: warm-up ${options.warmupSeconds} s (not counted)`);
      await runClosedLoop({ ...load, durationSeconds: options.warmupSeconds });
      await drain(server, variant);
    }
    const cpuMsPerRequest = work === 'cpu' ? await calibrateCpuMsPerRequest(server.baseUrl) : null;
    say(`${variant}: measuring ${options.durationSeconds} s with ${plan.connections} clients (server pid ${server.pid})`);
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
    const limit = physicalLimit({ work, cores: availableParallelism(), parallelism, connections: plan.connections, cpuMsPerRequest, ioMs: serverOptions.ioMs });
    const cpu = before !== null && after !== null ? cpuBetween(before, after) : null;
    const servedCounts = clients.map((client) => client.served);
    const requestsPerSecond = served / result.duration;
    return {
      variant,
      poolSize: definition.sizeSetting === 'poolSize' ? serverOptions.poolSize : null,
      size: definition.sizeSetting === null ? null : { flag: SERVER_FLAGS[definition.sizeSetting], value: serverOptions[definition.sizeSetting] },
      work,
      limit,
      percentOfLimit: (requestsPerSecond / limit.requestsPerSecond) * 100,
      connections: plan.connections,
      durationSeconds: result.duration,
      requests: served,
      requestsPerSecond,
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
      servedByProcess: servedByProcess(events),
    };
  } finally {
    await server.stop();
  }
}

/** Runs every planned variant in turn: one server at a time, so they never share the cores. */
export async function runScenario(plan: PlannedScenario, context: RunContext): Promise<VariantRun[]> {
  const runs: VariantRun[] = [];
  for (const variant of plan.variants) runs.push(await runVariant(variant, plan, context));
  return runs;
}
