// Time tasks waited in the pool's queue and ran in a worker, since the last reset, from
// piscina's own histograms. Utilization is computed here: piscina 5.3.2's `utilization` divides
// its millisecond mean by 1000 once more and reads 1000× too small.

export interface PoolTiming {
  readonly completed: number;
  readonly waitMs: { readonly mean: number; readonly p50: number; readonly p99: number };
  readonly runMs: { readonly mean: number; readonly p50: number; readonly p99: number };
  /** 0..1: busy worker time over the time all threads could have worked. */
  readonly utilization: number;
}

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
    readonly waitTime: Summary;
    resetRunTime(): void;
    resetWaitTime(): void;
  };
}

const pick = ({ mean, p50, p99 }: Summary) => ({ mean: Number.isFinite(mean) ? mean : 0, p50, p99 });

export class PoolTimer {
  #completedAtReset: number;
  #durationAtReset: number;

  constructor(
    readonly pool: TimedPool,
    readonly threads: number,
  ) {
    this.#completedAtReset = pool.completed;
    this.#durationAtReset = pool.duration;
  }

  read(): PoolTiming {
    const completed = this.pool.completed - this.#completedAtReset;
    const runMs = completed > 0 ? pick(this.pool.histogram.runTime) : { mean: 0, p50: 0, p99: 0 };
    const waitMs = completed > 0 ? pick(this.pool.histogram.waitTime) : { mean: 0, p50: 0, p99: 0 };
    return {
      completed,
      waitMs,
      runMs,
      utilization: poolUtilization(runMs.mean, completed, this.pool.duration - this.#durationAtReset, this.threads),
    };
  }

  reset(): void {
    this.pool.histogram.resetRunTime();
    this.pool.histogram.resetWaitTime();
    this.#completedAtReset = this.pool.completed;
    this.#durationAtReset = this.pool.duration;
  }
}
