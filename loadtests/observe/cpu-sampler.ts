// Samples the server every interval during the measured window (the top -H view over time), and
// at the window's edges the whole machine and the load generator, to tell how much CPU others
// used: a busy neighbour makes every figure of a run suspect.
import {
  cpuBetween,
  cpuByProcess,
  machineBusyMs,
  snapshot,
  type ProcessCpu,
  type ProcessSnapshot,
  type WindowCpu,
} from './proc-snapshot.ts';

export const SAMPLE_INTERVAL_MS = 250;

export interface CpuSample {
  /** Seconds since the window opened, at the end of the interval. */
  readonly atSeconds: number;
  readonly cpuPercent: number;
  readonly threads: number;
  readonly busyThreads: number;
  readonly residentBytes: number;
}

/** CPU of the window; each in % of one core, null where it could not be read. */
export interface WindowFigures {
  readonly server: WindowCpu | null;
  /** The server's processes, busiest first; empty where the server could not be read. */
  readonly serverProcesses: readonly ProcessCpu[];
  readonly samples: readonly CpuSample[];
  /** The load generator: this process's own threads (autocannon and the probe run here). */
  readonly generatorCpuPercent: number | null;
  /** Everything else on the machine: total busy minus the server and the generator. */
  readonly foreignCpuPercent: number | null;
}

export interface RunningSampler {
  stop(): Promise<WindowFigures>;
}

/** `serverPid` null: a target whose process is not known; only the generator and the machine are read. */
export async function startSampler(serverPid: number | null, intervalMs = SAMPLE_INTERVAL_MS): Promise<RunningSampler> {
  const server = async (): Promise<ProcessSnapshot | null> => (serverPid === null ? null : snapshot(serverPid));
  const [firstServer, firstGenerator, firstMachine] = await Promise.all([
    server(),
    snapshot(process.pid, false),
    machineBusyMs(),
  ]);
  const samples: CpuSample[] = [];
  let previous: ProcessSnapshot | null = firstServer;
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = inFlight.then(async () => {
      const current = await server();
      if (previous !== null && current !== null && firstServer !== null) {
        samples.push({ atSeconds: (current.atMs - firstServer.atMs) / 1000, ...cpuBetween(previous, current) });
      }
      previous = current;
    });
  }, intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      const [lastServer, lastGenerator, lastMachine] = await Promise.all([
        server(),
        snapshot(process.pid, false),
        machineBusyMs(),
      ]);
      const serverCpu = firstServer !== null && lastServer !== null ? cpuBetween(firstServer, lastServer) : null;
      const generator =
        firstGenerator !== null && lastGenerator !== null ? cpuBetween(firstGenerator, lastGenerator) : null;
      let foreignCpuPercent: number | null = null;
      if (
        serverCpu !== null &&
        generator !== null &&
        firstMachine !== null &&
        lastMachine !== null &&
        firstServer !== null &&
        lastServer !== null
      ) {
        const machinePercent = ((lastMachine - firstMachine) / (lastServer.atMs - firstServer.atMs)) * 100;
        foreignCpuPercent = Math.max(0, machinePercent - serverCpu.cpuPercent - generator.cpuPercent);
      }
      const serverProcesses = firstServer !== null && lastServer !== null ? cpuByProcess(firstServer, lastServer) : [];
      return {
        server: serverCpu,
        serverProcesses,
        samples,
        generatorCpuPercent: generator?.cpuPercent ?? null,
        foreignCpuPercent,
      };
    },
  };
}
