// The CPU cost of one request on this machine: a few requests sent one at a time (single-threaded
// repetitions of the work unit), each timed by the server's own CPU clock (/stats) or, for a
// target without /stats, by its process tree's CPU time in /proc. Then the run's physical limit.
// One calibration for every program: after the window, on the idle and warm server.
import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StatsBody } from '../../server/stats.ts';
import { getText } from '../load/http-get.ts';
import { clientPath } from '../load/target-url.ts';
import type { Target } from '../process/target.ts';
import type { Limit } from '../report/figures.ts';
import { drain } from './drain.ts';
import { MeasurementError } from './measurement-error.ts';
import { physicalLimit, type LimitBounds } from './limit.ts';
import { snapshot, totalCpuMs } from './proc-snapshot.ts';

/** At least this many single requests, so the fastest is not one request's luck... */
export const MIN_CALIBRATION_REQUESTS = 5;
/** ...then more while their CPU adds up to less than this, up to the most below. */
const CALIBRATION_BUDGET_MS = 2_000;
const MAX_CALIBRATION_REQUESTS = 25;

/** How many requests a calibration sends when each costs `requestMs`: for an estimate of a run's length. */
export const calibrationRequests = (requestMs: number): number =>
  Math.max(MIN_CALIBRATION_REQUESTS, Math.min(MAX_CALIBRATION_REQUESTS, Math.ceil(CALIBRATION_BUDGET_MS / requestMs)));

/**
 * A lone request turned away (503) finds a server still replacing the workers it stopped in the
 * window (an overload row without shedding): asked again, a few times, this far apart.
 */
const NOT_READY_RETRIES = 10;
const NOT_READY_WAIT_MS = 500;

/** One keep-alive connection, so a cluster serves all of them from the same worker. */
async function getBody(agent: Agent, url: string, payload: Uint8Array | null = null): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const { status, body } = await getText(url, { agent, body: payload });
    if (status === 200) return body;
    // The row's measurement failed, not the run: the other rows are still measured and reported.
    if (status !== 503 || attempt > NOT_READY_RETRIES)
      throw new MeasurementError(
        `a calibration request (${payload === null ? 'GET' : 'POST'} ${new URL(url).pathname}, sent alone) was answered ${status}: ${body.slice(0, 200)}`,
      );
    await sleep(NOT_READY_WAIT_MS);
  }
}

/** The server's CPU time so far, in ms, as the target can tell it. */
function cpuClock(target: Target, agent: Agent): (() => Promise<number>) | null {
  if (target.hasStats) {
    return async () => {
      const stats = JSON.parse(await getBody(agent, `${target.origin}/stats`)) as StatsBody;
      return stats.cpuUserMs + stats.cpuSystemMs;
    };
  }
  const pid = target.pid;
  if (pid === null) return null;
  return async () => {
    const tree = await snapshot(pid);
    if (tree === null) throw new Error(`cannot read the CPU time of process ${pid} in /proc`);
    return totalCpuMs(tree);
  };
}

/**
 * CPU milliseconds the server spent on single requests sent alone: at least
 * MIN_CALIBRATION_REQUESTS (more while they are cheap), their fastest and slowest; null when the
 * target has neither /stats nor a known process.
 */
export async function calibrateCpuMsPerRequest(
  target: Target,
  payload: Uint8Array | null = null,
): Promise<Limit['calibration']> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const clock = cpuClock(target, agent);
    if (clock === null) return null;
    const costs: number[] = [];
    let spentMs = 0;
    while (
      costs.length < MIN_CALIBRATION_REQUESTS ||
      (spentMs < CALIBRATION_BUDGET_MS && costs.length < MAX_CALIBRATION_REQUESTS)
    ) {
      const before = await clock();
      await getBody(agent, `${target.origin}${clientPath(target.pathTemplate, 1)}`, payload);
      const cost = (await clock()) - before;
      costs.push(cost);
      spentMs += cost;
    }
    return { minMs: Math.min(...costs), maxMs: Math.max(...costs), requests: costs.length };
  } finally {
    agent.destroy();
  }
}

/**
 * The physical limit of the run just measured, calibrated after its window on the drained, warm
 * server, so the calibration cannot disturb the window; null when the CPU cost of a request
 * cannot be measured (a target with neither /stats nor a known process).
 */
export async function calibrateLimit(
  target: Target,
  bounds: LimitBounds,
  payload: Uint8Array | null = null,
): Promise<Limit | null> {
  await drain(target);
  // With --payload-bytes each calibration request carries the run's body, so a handler costs what it did under load.
  const calibration = bounds.work === 'cpu' ? await calibrateCpuMsPerRequest(target, payload) : null;
  if (bounds.work === 'cpu' && calibration === null) return null;
  return physicalLimit({
    ...bounds,
    cores: target.cores,
    // The fastest single request: interference only adds CPU time (caches, frequency, GC), so the
    // fastest is the closest to the work's own cost, and the limit stays an upper bound.
    cpuMsPerRequest: calibration?.minMs ?? null,
    calibration,
  });
}
