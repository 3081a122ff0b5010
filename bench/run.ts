// Measures every figure in turn, one server at a time, and assembles the report model.
// Start-up first (nothing else running), the pool-free figures next, the CPU-bound ones last.
import type { ProcessGroup } from '../loadtests/process/process-group.ts';
import { commandLine, provenance } from '../loadtests/observe/provenance.ts';
import type { Watch } from '../loadtests/observe/run-progress.ts';
import { DISPATCH_STEPS, measureDispatch } from './dispatch.ts';
import type { BenchOptions } from './flags.ts';
import { measureFramework } from './framework.ts';
import { measureLimit } from './limit-figure.ts';
import { BENCH_FORMAT_VERSION, type BenchReport, type LimitRun, type LimitVariant } from './model.ts';
import { measureStartup } from './startup.ts';

export const BENCH_SCRIPT = 'bench';

/** The CPU-bound variants held against their limit, in the order they are measured. */
const LIMIT_VARIANTS = ['pool', 'inline', 'chunked', 'cluster', 'libuv'] as const;

/** The steps runBench announces, for the progress line: start-up rounds, dispatch series, figure 1's runs, the limits. */
export function benchSteps(options: BenchOptions): number {
  const warmup = options.warmupSeconds > 0 ? 1 : 0;
  return options.startups + DISPATCH_STEPS + warmup + options.pairs * 2 + LIMIT_VARIANTS.length;
}

export async function runBench(
  options: BenchOptions,
  argv: readonly string[],
  group: ProcessGroup,
  watch: Watch,
): Promise<BenchReport> {
  const dateUtc = new Date().toISOString();
  const startup = await measureStartup(options.startups, group, watch);
  const dispatch = await measureDispatch(options.dispatchTasks, watch);
  const framework = await measureFramework(options, group, watch);
  const measured = new Map<LimitVariant, LimitRun>();
  for (const variant of LIMIT_VARIANTS) measured.set(variant, await measureLimit(variant, options, group, watch));
  const limitOf = (variant: LimitVariant): LimitRun => {
    const run = measured.get(variant);
    if (run === undefined) throw new Error(`no limit run for ${variant}`);
    return run;
  };
  const limits = {
    pool: limitOf('pool'),
    inline: limitOf('inline'),
    chunked: limitOf('chunked'),
    cluster: limitOf('cluster'),
    libuv: limitOf('libuv'),
  };
  return {
    formatVersion: BENCH_FORMAT_VERSION,
    ...provenance(commandLine(BENCH_SCRIPT, argv), dateUtc),
    framework,
    dispatch,
    limits,
    startup,
  };
}
