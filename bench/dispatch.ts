// Figure 2: round-trips of a no-op task through the project's piscina configuration vs a direct
// call of the same function, sequential and with several callers at once.
import { DEFAULT_POOL_SIZE } from '../server/flags.ts';
import { createPool, loadPiscina, type PoolAtomics } from '../server/variants/pool/index.ts';
import type { DispatchFigure, DispatchSeries } from './model.ts';
import noop from './noop-worker.ts';
import { announce, type Watch } from '../loadtests/observe/run-progress.ts';
import { median, percentile } from '../loadtests/stats/percentile.ts';

/** Sequential (one caller) and the 8 callers at once. */
export const DISPATCH_CONCURRENCIES = [1, 8] as const;
/** Untimed round-trips first, so the JIT and the workers' first messages are out of the way. */
const WARMUP_SHARE = 0.1;
/** The project's pool keeps piscina's default; the others are what was tried against it. */
const ATOMICS_TRIED: readonly ('default' | NonNullable<PoolAtomics>)[] = ['default', 'async', 'disabled'];

const NOOP_WORKER = new URL('./noop-worker.ts', import.meta.url).href;

/** Microseconds per round-trip, `concurrency` callers each awaiting its own in a loop. */
async function roundTrips(
  call: (task: number) => Promise<number>,
  tasks: number,
  concurrency: number,
): Promise<{ samples: number[]; elapsedMs: number }> {
  const samples: number[] = [];
  const perCaller = Math.ceil(tasks / concurrency);
  const startedMs = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, caller) => {
      for (let i = 0; i < perCaller; i++) {
        const startedMs = performance.now();
        await call(caller);
        samples.push((performance.now() - startedMs) * 1000);
      }
    }),
  );
  return { samples, elapsedMs: performance.now() - startedMs };
}

async function series(
  path: DispatchSeries['path'],
  atomics: DispatchSeries['atomics'],
  call: (task: number) => Promise<number>,
  tasks: number,
): Promise<DispatchSeries[]> {
  const rows: DispatchSeries[] = [];
  for (const concurrency of DISPATCH_CONCURRENCIES) {
    await roundTrips(call, Math.ceil(tasks * WARMUP_SHARE), concurrency);
    const { samples, elapsedMs } = await roundTrips(call, tasks, concurrency);
    rows.push({
      path,
      atomics,
      concurrency,
      tasks: samples.length,
      elapsedMs,
      medianUs: median(samples),
      p99Us: percentile(samples, 99),
    });
  }
  return rows;
}

/** One step for the direct calls, one per atomics setting tried. */
export const DISPATCH_STEPS = 1 + ATOMICS_TRIED.length;

export async function measureDispatch(tasks: number, watch: Watch): Promise<DispatchFigure> {
  const rows: DispatchSeries[] = [];
  announce(watch, `figure 2: ${tasks} no-op round-trips per series, direct call`);
  rows.push(...(await series('direct', null, async (task) => noop(task), tasks)));
  const Pool = await loadPiscina();
  for (const atomics of ATOMICS_TRIED) {
    announce(watch, `figure 2: through a pool of ${DEFAULT_POOL_SIZE} threads, atomics ${atomics}`);
    const pool = createPool<number, number>(Pool, {
      filename: NOOP_WORKER,
      poolSize: DEFAULT_POOL_SIZE,
      ...(atomics === 'default' ? {} : { atomics }),
    });
    try {
      rows.push(...(await series('pool', atomics, (task) => pool.run(task), tasks)));
    } finally {
      await pool.close();
    }
  }
  return { poolSize: DEFAULT_POOL_SIZE, series: rows };
}
