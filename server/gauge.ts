// How many work units run at this instant, and the most that ever did since the last reset.
// It lives in a SharedArrayBuffer so that worker threads count their own start and end: the
// main thread only sees a task being queued, not when a worker actually starts it.

/** Counts work units while they run (ConcurrencyGauge, or the cluster's relay to its primary). */
export interface Gauge {
  enter(): void;
  leave(): void;
}

const NOW = 0;
const MAX = 1;

export class ConcurrencyGauge implements Gauge {
  readonly buffer: SharedArrayBuffer;
  readonly #cells: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.buffer = buffer;
    this.#cells = new Int32Array(buffer);
  }

  enter(): void {
    const now = Atomics.add(this.#cells, NOW, 1) + 1;
    let max = Atomics.load(this.#cells, MAX);
    while (now > max) {
      const seen = Atomics.compareExchange(this.#cells, MAX, max, now);
      if (seen === max) break;
      max = seen;
    }
  }

  leave(): void {
    Atomics.sub(this.#cells, NOW, 1);
  }

  get current(): number {
    return Atomics.load(this.#cells, NOW);
  }

  get max(): number {
    return Atomics.load(this.#cells, MAX);
  }

  /** Starts a new maximum from what runs right now. */
  reset(): void {
    Atomics.store(this.#cells, MAX, Atomics.load(this.#cells, NOW));
  }
}
