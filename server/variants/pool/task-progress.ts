// One task's progress, in memory shared by the main thread and the worker that runs it. When the
// main thread gives up on a task (deadline, dead worker) it learns whether the work never started
// (and now never will: the answer can say "never ran"), or was cut off mid-run (a terminated worker
// never leaves the gauge, so the main thread leaves it on the worker's behalf, exactly once).
import type { Gauge } from '../../gauge.ts';

const QUEUED = 0;
const RUNNING = 1;
const ENDED = 2;
const ABANDONED = 3;

export type WhereAbandoned = 'queued' | 'running' | 'ended';

export class TaskAbandonedError extends Error {
  override name = 'TaskAbandonedError';
}

export class TaskProgress {
  readonly buffer: SharedArrayBuffer;
  readonly #cell: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.buffer = buffer;
    this.#cell = new Int32Array(buffer);
  }

  /** Worker side: the gauge, with this task's start and end marked. An abandoned task does not start. */
  tracking(gauge: Gauge): Gauge {
    return {
      enter: () => {
        if (Atomics.compareExchange(this.#cell, 0, QUEUED, RUNNING) !== QUEUED)
          throw new TaskAbandonedError('the task was abandoned before it started');
        gauge.enter();
      },
      leave: () => {
        if (Atomics.compareExchange(this.#cell, 0, RUNNING, ENDED) === RUNNING) gauge.leave();
      },
    };
  }

  /** Main side, once the task failed: where it was. A run cut off is counted as ended in `gauge`. */
  abandon(gauge: Gauge): WhereAbandoned {
    if (Atomics.compareExchange(this.#cell, 0, QUEUED, ABANDONED) === QUEUED) return 'queued';
    if (Atomics.compareExchange(this.#cell, 0, RUNNING, ABANDONED) === RUNNING) {
      gauge.leave();
      return 'running';
    }
    return 'ended';
  }
}
