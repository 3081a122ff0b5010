// Measures one target: an uncounted warm-up, a calibration of the CPU cost of one request, then
// the measured window with server-side figures taken at its edges. Works the same on a server
// this run spawned and on one it was pointed at; what a target cannot tell stays null.
import { availableParallelism } from 'node:os';
import { maxOpenRequests, originalForm, type WorkEvent } from '../../server/log-line.ts';
import type { StatsBody } from '../../server/stats.ts';
import type { WorkKind } from '../../server/flags.ts';
import { calibrateCpuMsPerRequest } from '../observe/calibrate.ts';
import { runClosedLoop } from '../load/closed-loop.ts';
import type { EventLog } from '../observe/event-log.ts';
import type { LoadtestOptions, PlannedScenario } from '../flags.ts';
import { physicalLimit } from '../observe/limit.ts';
import { summarize } from '../report/percentile.ts';
import { startHealthProbe } from '../observe/health-probe.ts';
import type { ProcessGroup } from '../process/process-group.ts';
import * as format from '../report/format.ts';
import type { VariantRun } from '../report/model.ts';
import { startSampler } from '../observe/cpu-sampler.ts';
import type { Target } from '../process/target.ts';
import { timelineOf } from './timeline-from-log.ts';

/** Start/end lines quoted per variant in the report. */
const EXCERPT_LINES = 12;
/** Warm-up requests still queued in the server must finish before the window opens. */
const DRAIN_TIMEOUT_MS = 30_000;
const DRAIN_POLL_MS = 20;
/** A server that does not answer /stats within this is reported as not answering. */
const STATS_TIMEOUT_MS = 5_000;

export class MeasurementError extends Error {
  override name = 'MeasurementError';
}

export interface RunContext {
  readonly options: LoadtestOptions;
  readonly group: ProcessGroup;
  /** One line of progress for the person watching (stderr). */
  readonly say: (line: string) => void;
  readonly showProgressBar: boolean;
  /** The --target server's start/end lines, when whoever started it can hand them over. */
  readonly targetLog?: EventLog;
}

/** What is being measured, beyond where: the settings of a variant, or none for a target. */
export interface Subject {
  readonly repetition: number;
  readonly work: WorkKind;
  /** How many requests the model lets progress at once; null = no bound of its own (or unknown). */
  readonly parallelism: number | null;
  readonly poolSize: number | null;
  readonly size: VariantRun['size'];
  readonly ioMs: number;
}

function failureReason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  if (cause.name === 'TimeoutError') return `no answer within ${STATS_TIMEOUT_MS / 1000} s`;
  // fetch() says "fetch failed"; the reason (ECONNREFUSED, ECONNRESET…) is in its cause.
  const code = (cause.cause as NodeJS.ErrnoException | undefined)?.code;
  return code ?? cause.message;
}

async function serverStats(target: Target, path: '/stats' | '/stats/reset'): Promise<StatsBody> {
  const method = path === '/stats' ? 'GET' : 'POST';
  try {
    const response = await fetch(`${target.origin}${path}`, { method, signal: AbortSignal.timeout(STATS_TIMEOUT_MS) });
    if (!response.ok) throw new MeasurementError(`${target.name}: ${path} answered ${response.status}`);
    return (await response.json()) as StatsBody;
  } catch (error) {
    if (error instanceof MeasurementError) throw error;
    // A server this run spawned may have exited: say so, with its last words, rather than "refused".
    const pid = target.pid === null ? '' : ` (pid ${target.pid})`;
    const exit = (await target.exitNews?.()) ?? null;
    if (exit !== null) throw new MeasurementError(`the ${target.name} server${pid} ${exit}`);
    throw new MeasurementError(
      `the ${target.name} server${pid} did not answer ${method} ${path}: ${failureReason(error)}`,
    );
  }
}

/** Requests the log shows started and not yet ended, since it started recording. */
function openInLog(target: Target): number {
  return (target.log?.recorded() ?? []).reduce((open, event) => open + (event.kind === 'Start' ? 1 : -1), 0);
}

/** Waits until the server has no request in its handler (by /stats, else by its log), so the window starts clean. */
export async function drain(target: Target): Promise<void> {
  const busy = target.hasStats
    ? async () => (await serverStats(target, '/stats')).inHandler > 0
    : async () => openInLog(target) > 0;
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (await busy()) {
    if (Date.now() > deadline)
      throw new MeasurementError(
        `the ${target.name} server still had requests in its handler ${DRAIN_TIMEOUT_MS / 1000} s after the warm-up`,
      );
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}

function servedByProcess(events: readonly WorkEvent[]): { pid: number; served: number }[] {
  const counts = new Map<number, number>();
  for (const event of events)
    if (event.kind === 'End' && event.pid !== null) counts.set(event.pid, (counts.get(event.pid) ?? 0) + 1);
  return [...counts].map(([pid, served]) => ({ pid, served })).sort((a, b) => b.served - a.served);
}

export async function measure(
  target: Target,
  subject: Subject,
  plan: PlannedScenario,
  context: RunContext,
): Promise<VariantRun> {
  const { options, say } = context;
  const load = {
    origin: target.origin,
    pathTemplate: target.pathTemplate,
    connections: plan.connections,
    newConnection: options.newConnection,
    showProgress: context.showProgressBar && !options.newConnection,
  };
  if (options.warmupSeconds > 0) {
    say(`${target.name}: warm-up ${options.warmupSeconds} s (not counted)`);
    target.log?.record(); // from an idle server, so the log can tell when the warm-up has drained
    await runClosedLoop({ ...load, durationSeconds: options.warmupSeconds });
    if (target.hasStats || target.log !== null) await drain(target);
  }
  const of = options.repeat > 1 ? ` (run ${subject.repetition} of ${options.repeat})` : '';
  const pid = target.pid === null ? 'process not known' : `pid ${target.pid}`;
  const mode = options.newConnection ? ', a new connection per request' : '';
  say(
    `${target.name}: measuring ${options.durationSeconds} s with ${format.clients(plan.connections)}${mode}${of} (server ${pid})`,
  );
  target.log?.record();
  if (target.hasStats) await serverStats(target, '/stats/reset');
  const windowStartMs = Date.now();
  const sampler = await startSampler(target.pid);
  const probe = startHealthProbe(
    target.origin,
    options.probeIntervalMs,
    Math.ceil((options.durationSeconds * 1000) / options.probeIntervalMs),
    target.info !== null,
  );
  const { result, clients } = await runClosedLoop({ ...load, durationSeconds: options.durationSeconds });
  const windowEndMs = Date.now();
  const [window, probed] = await Promise.all([sampler.stop(), probe.stop()]);
  const stats = target.hasStats ? await serverStats(target, '/stats') : null;
  // Only what the server logged inside the window: requests still finishing after it (and the
  // calibration below) are not part of what the clients were answered.
  const events = (target.log?.recorded() ?? []).filter((event) => event.atMs <= windowEndMs);

  if (result.ok === 0 && result.errors + result.timeouts + result.non2xx === 0) {
    throw new MeasurementError(
      `the ${target.name} server answered none of the requests sent in ${options.durationSeconds} s`,
    );
  }
  if (result.ok === 0 || result.latencyMs === null) {
    throw new MeasurementError(
      `every request to the ${target.name} server failed: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  }
  // Calibrated after the window, on the idle and warm server, so it cannot disturb the window.
  if (target.hasStats || target.log !== null) await drain(target);
  const cpuMsPerRequest = subject.work === 'cpu' ? await calibrateCpuMsPerRequest(target) : null;
  const canLimit = subject.work === 'io' || cpuMsPerRequest !== null;
  const limit = canLimit
    ? physicalLimit({
        work: subject.work,
        cores: availableParallelism(),
        parallelism: subject.parallelism,
        connections: plan.connections,
        cpuMsPerRequest,
        ioMs: subject.ioMs,
      })
    : null;
  const cpu = window.server;
  const servedCounts = clients.map((client) => client.served);
  const requestsPerSecond = result.ok / result.durationSeconds;
  return {
    variant: target.name,
    repetition: subject.repetition,
    poolSize: subject.poolSize,
    size: subject.size,
    work: subject.work,
    limit,
    percentOfLimit: limit === null ? null : (requestsPerSecond / limit.requestsPerSecond) * 100,
    target: target.info,
    newConnection: options.newConnection,
    connections: plan.connections,
    durationSeconds: result.durationSeconds,
    requests: result.ok,
    requestsPerSecond,
    latencyMs: result.latencyMs,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCounts: result.statusCounts,
    servedLatencyMs: result.servedLatencyMs,
    server: {
      maxInFlight: stats?.maxInFlight ?? (target.log === null ? null : maxOpenRequests(events)),
      maxInHandler: stats?.maxInHandler ?? null,
      cpuPercent: cpu?.cpuPercent ?? null,
      threads: cpu?.threads ?? null,
      busyThreads: cpu?.busyThreads ?? null,
      residentBytes: cpu?.residentBytes ?? null,
      eventLoop: stats?.eventLoop ?? null,
      pool: stats?.pool ?? null,
      cpuByProcess: window.serverProcesses,
      cpuSamples: window.samples,
    },
    health: {
      intervalMs: options.probeIntervalMs,
      sent: probed.sent,
      failed: probed.failed,
      maxOutstanding: probed.maxOutstanding,
      latencyMs: summarize(probed.latenciesMs),
    },
    neighbours: { generatorCpuPercent: window.generatorCpuPercent, foreignCpuPercent: window.foreignCpuPercent },
    timeline: timelineOf(events, windowStartMs),
    clients,
    fairness: Math.min(...servedCounts) / Math.max(...servedCounts),
    logExcerpt: events.slice(0, EXCERPT_LINES).map(originalForm),
    servedByProcess: servedByProcess(events),
  };
}
