// Time tasks waited for a worker and ran in one, since the last reset. Run times come from
// piscina's own histogram; waits are recorded here, because tasks wait in the pool variant's
// admission gate (which hands out one slot per ready worker), so piscina's own queue stays empty.
// Utilization is computed here: piscina 5.3.2's `utilization` divides its millisecond mean by
// 1000 once more and reads 1000× too small.
import { createHistogram } from 'node:perf_hooks';
import type { PoolTiming } from '../../stats.ts';

/** Busy worker time (completed tasks × mean run time) over elapsed time × threads. */
export function poolUtilization(runMeanMs: number, completed: number, elapsedMs: number, threads: number): number {
  if (elapsedMs <= 0 || threads <= 0) return 0;
  return (runMeanMs * completed) / (elapsedMs * threads);
}

interface Summary {
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
}

/** The parts of a Piscina instance this module reads. */
export interface TimedPool {
  readonly completed: number;
  readonly duration: number;
  readonly histogram: {
    readonly runTime: Summary;
    resetRunTime(): void;
  };
}

/** The histogram records whole microseconds. */
const US_PER_MS = 1_000;

const pick = ({ mean, p50, p99 }: Summary) => ({ mean: Number.isFinite(mean) ? mean : 0, p50, p99 });

export class PoolTimer {
  readonly #waits = createHistogram();
  #completedAtReset: number;
  #durationAtReset: number;

  constructor(
    readonly pool: TimedPool,
    readonly threads: number,
  ) {
    this.#completedAtReset = pool.completed;
    this.#durationAtReset = pool.duration;
  }

  /** How long one task waited for a worker. */
  recordWait(ms: number): void {
    this.#waits.record(Math.max(1, Math.round(ms * US_PER_MS)));
  }

  read(): PoolTiming {
    const completed = this.pool.completed - this.#completedAtReset;
    const runMs = completed > 0 ? pick(this.pool.histogram.runTime) : { mean: 0, p50: 0, p99: 0 };
    const waits = this.#waits;
    const waitMs =
      waits.count > 0
        ? { mean: waits.mean / US_PER_MS, p50: waits.percentile(50) / US_PER_MS, p99: waits.percentile(99) / US_PER_MS }
        : { mean: 0, p50: 0, p99: 0 };
    return {
      completed,
      waitMs,
      runMs,
      utilization: poolUtilization(runMs.mean, completed, this.pool.duration - this.#durationAtReset, this.threads),
    };
  }

  reset(): void {
    this.pool.histogram.resetRunTime();
    this.#waits.reset();
    this.#completedAtReset = this.pool.completed;
    this.#durationAtReset = this.pool.duration;
  }
}
