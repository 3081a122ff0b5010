// Who used the CPU during one measured window: the server (its process tree, from /proc), the
// load generator (this process: autocannon runs on its main thread), and everyone else.
import { cpuBetween, machineBusyMs, snapshot } from '../loadtests/observe/proc-snapshot.ts';
import type { WindowCpu } from './model.ts';

export async function measureWindow<T>(
  serverPid: number,
  run: () => Promise<T>,
): Promise<{ value: T; cpu: WindowCpu }> {
  const server = await snapshot(serverPid);
  const machine = await machineBusyMs();
  const generator = process.cpuUsage();
  const startedMs = performance.now();
  const value = await run();
  const elapsedMs = performance.now() - startedMs;
  const generatorUsage = process.cpuUsage(generator);
  const machineAfter = await machineBusyMs();
  const serverAfter = await snapshot(serverPid);

  const generatorCpuPercent = ((generatorUsage.user + generatorUsage.system) / 1000 / elapsedMs) * 100;
  const serverCpuPercent = server !== null && serverAfter !== null ? cpuBetween(server, serverAfter).cpuPercent : null;
  const machineCpuPercent =
    machine !== null && machineAfter !== null ? ((machineAfter - machine) / elapsedMs) * 100 : null;
  // Tick-granular counters can put the sum a little above the machine's total: floor at 0.
  const foreignCpuPercent =
    machineCpuPercent === null || serverCpuPercent === null
      ? null
      : Math.max(0, machineCpuPercent - serverCpuPercent - generatorCpuPercent);
  return {
    value,
    cpu: { seconds: elapsedMs / 1000, serverCpuPercent, generatorCpuPercent, machineCpuPercent, foreignCpuPercent },
  };
}
