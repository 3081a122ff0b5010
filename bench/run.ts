// Measures every figure in turn, one server at a time, and assembles the report model.
// Start-up first (nothing else running), the pool-free figures next, the CPU-bound ones last.
import type { ProcessGroup } from '../loadtests/process/process-group.ts';
import { commandLine, provenance } from '../loadtests/observe/provenance.ts';
import { measureDispatch } from './dispatch.ts';
import type { BenchOptions } from './flags.ts';
import { measureFramework } from './framework.ts';
import { measureLimit } from './limit-figure.ts';
import { BENCH_FORMAT_VERSION, type BenchReport } from './model.ts';
import { measureStartup } from './startup.ts';

export const BENCH_SCRIPT = 'bench';

export async function runBench(
  options: BenchOptions,
  argv: readonly string[],
  group: ProcessGroup,
  say: (line: string) => void,
): Promise<BenchReport> {
  const dateUtc = new Date().toISOString();
  const startup = await measureStartup(options.startups, group, say);
  const dispatch = await measureDispatch(options.dispatchTasks, say);
  const framework = await measureFramework(options, group, say);
  const pool = await measureLimit('pool', options, group, say);
  const inline = await measureLimit('inline', options, group, say);
  return {
    formatVersion: BENCH_FORMAT_VERSION,
    ...provenance(commandLine(BENCH_SCRIPT, argv), dateUtc),
    framework,
    dispatch,
    limits: { pool, inline },
    startup,
  };
}
