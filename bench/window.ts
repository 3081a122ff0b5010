// Who used the CPU during one measured window: the server (its process tree), the load generator
// (this process: autocannon runs on its main thread) and everyone else, read by the load runner's
// own sampler (/proc), so bench and loadtest guard against noise the same way.
import { startSampler, type WindowFigures } from '../loadtests/observe/cpu-sampler.ts';
import { BenchMeasurementError } from './load.ts';
import type { WindowCpu } from './model.ts';

/** The sampler's figures as a bench row keeps them; the generator's CPU is what figure 5 is about. */
export function windowCpu(figures: WindowFigures): WindowCpu {
  if (figures.generatorCpuPercent === null)
    throw new BenchMeasurementError("the load generator's CPU time could not be read in /proc");
  return {
    seconds: figures.seconds,
    serverCpuPercent: figures.server?.cpuPercent ?? null,
    generatorCpuPercent: figures.generatorCpuPercent,
    machineCpuPercent: figures.machineCpuPercent,
    foreignCpuPercent: figures.foreignCpuPercent,
  };
}

export async function measureWindow<T>(
  serverPid: number,
  run: () => Promise<T>,
): Promise<{ value: T; cpu: WindowCpu }> {
  const sampler = await startSampler(serverPid);
  const value = await run();
  return { value, cpu: windowCpu(await sampler.stop()) };
}
