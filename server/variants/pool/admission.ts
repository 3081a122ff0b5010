// A FIFO gate in front of a worker pool: at most `slots` tasks run (one per ready worker), at most
// `maxQueue` wait, and the rest are turned away at once. Tasks wait here rather than in piscina
// because piscina puts every task that carries an AbortSignal in its skipQueue, which its maxQueue
// does not bound (piscina issue #899) and which, with stricterFIFO, takes new tasks at the front.
import { deadlineQueued, queueFull } from '../../errors.ts';

export type Release = () => void;

export class AdmissionGate {
  #slots = 0;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly maxQueue: number,
    readonly timeoutMs: number,
  ) {}

  /** How many tasks may run now: the pool's ready workers. A worker being replaced is not one. */
  setSlots(slots: number): void {
    this.#slots = slots;
    this.#admitWaiting();
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Resolves with a release function once a slot is free. Rejects at once when the queue is full,
   * and when `signal` aborts while waiting (the task leaves the queue and never runs).
   */
  async enter(signal: AbortSignal): Promise<Release> {
    if (signal.aborted) throw deadlineQueued(this.timeoutMs);
    if (this.#waiting.length === 0 && this.#running < this.#slots) {
      this.#running++;
      return this.#releaser();
    }
    if (this.#waiting.length >= this.maxQueue) throw queueFull(this.#slots, this.maxQueue);
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal.removeEventListener('abort', expire);
        resolve();
      };
      const expire = (): void => {
        this.#waiting.splice(this.#waiting.indexOf(grant), 1);
        reject(deadlineQueued(this.timeoutMs));
      };
      signal.addEventListener('abort', expire, { once: true });
      this.#waiting.push(grant);
    });
    return this.#releaser();
  }

  #admitWaiting(): void {
    while (this.#running < this.#slots && this.#waiting.length > 0) {
      this.#running++;
      this.#waiting.shift()?.();
    }
  }

  #releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running--;
      this.#admitWaiting();
    };
  }
}
