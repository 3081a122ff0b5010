// The CPU cost of one request on this machine: a few requests sent one at a time (single-threaded
// repetitions of the work unit), each timed by the server's own CPU clock (/stats) or, for a
// target without /stats, by its process tree's CPU time in /proc.
import { Agent } from 'node:http';
import { getText } from '../load/http-get.ts';
import type { StatsBody } from '../../server/stats.ts';
import { snapshot, type ProcessSnapshot } from './proc-snapshot.ts';
import type { Target } from '../process/target.ts';
import { clientPath } from '../load/target-url.ts';

export const CALIBRATION_REQUESTS = 5;

/** One keep-alive connection, so a cluster serves all of them from the same worker. */
async function getBody(agent: Agent, url: string): Promise<string> {
  const { status, body } = await getText(url, { agent });
  if (status !== 200)
    throw new Error(
      `a calibration request (GET ${new URL(url).pathname}, sent alone) was answered ${status}: ${body.slice(0, 200)}`,
    );
  return body;
}

function totalCpuMs(tree: ProcessSnapshot): number {
  let sum = 0;
  for (const thread of tree.threads.values()) sum += thread.cpuMs;
  return sum;
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
 * Median CPU milliseconds the server spent on one request, over CALIBRATION_REQUESTS requests;
 * null when the target has neither /stats nor a known process.
 */
export async function calibrateCpuMsPerRequest(target: Target): Promise<number | null> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const clock = cpuClock(target, agent);
    if (clock === null) return null;
    const costs: number[] = [];
    for (let i = 0; i < CALIBRATION_REQUESTS; i++) {
      const before = await clock();
      await getBody(agent, `${target.origin}${clientPath(target.pathTemplate, 1)}`);
      costs.push((await clock()) - before);
    }
    return costs.sort((a, b) => a - b)[Math.floor(costs.length / 2)] ?? 0;
  } finally {
    agent.destroy();
  }
}
