// Samples the server every interval during the measured window (the top -H view over time), and
// at the window's edges the whole machine and the load generator, to tell how much CPU others
// used: a busy neighbour makes every figure of a run suspect. The one noise guard of the pack.
import type { CpuSample, ProcessCpu } from '../report/figures.ts';
import {
  cpuBetween,
  cpuByProcess,
  machineBusyMs,
  snapshot,
  readMembers,
  type ProcessSnapshot,
  without,
  type WindowCpu,
} from './proc-snapshot.ts';

export const SAMPLE_INTERVAL_MS = 250;

/** CPU of the window; each in % of one core, null where it could not be read. */
export interface WindowFigures {
  /** From the first reading at its start to the last at its end. */
  readonly seconds: number;
  readonly server: WindowCpu | null;
  /** The server's processes, busiest first; empty where the server could not be read. */
  readonly serverProcesses: readonly ProcessCpu[];
  readonly samples: readonly CpuSample[];
  /** The load generator: this process (autocannon and the probe) and its children but the server (Locust). */
  readonly generatorCpuPercent: number | null;
  /** The whole machine, every core (/proc/stat). */
  readonly machineCpuPercent: number | null;
  /** Everything else on the machine: total busy minus the server and the generator. */
  readonly foreignCpuPercent: number | null;
}

export interface RunningSampler {
  stop(): Promise<WindowFigures>;
}

interface Edge {
  readonly atMs: number;
  readonly server: ProcessSnapshot | null;
  readonly generator: ProcessSnapshot | null;
  readonly machineBusyMs: number | null;
}

/** The server, this process (the generator) and the whole machine, read at the same moment. */
async function edge(serverPid: number | null): Promise<Edge> {
  const atMs = performance.now();
  const [server, runner, machineBusyMsNow] = await Promise.all([
    serverPid === null ? null : snapshot(serverPid),
    snapshot(process.pid),
    machineBusyMs(),
  ]);
  // This process and its children (Locust's master and workers), less the server (a child when spawned here).
  return { atMs, server, generator: runner === null ? null : without(runner, server), machineBusyMs: machineBusyMsNow };
}

const between = <T, R>(first: T | null, last: T | null, figure: (first: T, last: T) => R): R | null =>
  first === null || last === null ? null : figure(first, last);

/** The window's figures from its two edges and the samples taken in between. */
function windowFigures(first: Edge, last: Edge, samples: readonly CpuSample[]): WindowFigures {
  const server = between(first.server, last.server, cpuBetween);
  const generator = between(first.generator, last.generator, cpuBetween);
  const machineCpuPercent = between(
    first.machineBusyMs,
    last.machineBusyMs,
    (before, after) => ((after - before) / (last.atMs - first.atMs)) * 100,
  );
  // Tick-granular counters can put the sum a little above the machine's total: floor at 0.
  const foreignCpuPercent =
    machineCpuPercent === null || server === null || generator === null
      ? null
      : Math.max(0, machineCpuPercent - server.cpuPercent - generator.cpuPercent);
  return {
    seconds: (last.atMs - first.atMs) / 1000,
    server,
    serverProcesses: between(first.server, last.server, cpuByProcess) ?? [],
    samples,
    generatorCpuPercent: generator?.cpuPercent ?? null,
    machineCpuPercent,
    foreignCpuPercent,
  };
}

/** `serverPid` null: a target whose process is not known; only the generator and the machine are read. */
export async function startSampler(serverPid: number | null, intervalMs = SAMPLE_INTERVAL_MS): Promise<RunningSampler> {
  const first = await edge(serverPid);
  const samples: CpuSample[] = [];
  let previous = first.server;
  let inFlight: Promise<void> = Promise.resolve();
  // The server's tree as the window opened: scanning all of /proc for it every sample would cost the
  // generator more than everything else it does; the edges scan afresh (a worker forked since counts there).
  const members = first.server === null ? [] : [...first.server.processCpuMs.keys()];
  const timer = setInterval(() => {
    inFlight = inFlight.then(async () => {
      const current = members.length === 0 ? null : readMembers(members);
      if (previous !== null && current !== null && first.server !== null) {
        samples.push({ atSeconds: (current.atMs - first.server.atMs) / 1000, ...cpuBetween(previous, current) });
      }
      previous = current;
    });
  }, intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      return windowFigures(first, await edge(serverPid), samples);
    },
  };
}
