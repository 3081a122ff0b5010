// Not starting work that cannot finish in time. A task that leaves the queue with less of its deadline
// left than a run usually takes would be cut off (504), and piscina stops a running task by
// terminating its worker: the replacement thread costs the cores far more than the task, and its
// slot is lost meanwhile, so one late task makes the next ones late (a cascade). Shedding answers
// such a task 503 before it starts.

/** A late task runs on until it has run this many times the usual run; past it, it is stopped. */
const RUN_ON_FACTOR = 2;
/** Weight of the newest run in the running estimate: follows a change within a few runs, smooths outliers. */
const SMOOTHING = 0.2;

export class RunTimeEstimate {
  #expectedMs: number | null = null;

  /** One finished run's wall time. */
  record(ms: number): void {
    this.#expectedMs = this.#expectedMs === null ? ms : this.#expectedMs + SMOOTHING * (ms - this.#expectedMs);
  }

  get expectedMs(): number | null {
    return this.#expectedMs;
  }

  /** How much longer a task that has run `ranMs` may run on past its deadline; 0 (stop it) before any run. */
  runOnMs(ranMs: number): number {
    return this.#expectedMs === null ? 0 : Math.max(0, RUN_ON_FACTOR * this.#expectedMs - ranMs);
  }

  /** Whether a task with `remainingMs` of its deadline left would likely miss it; false before any run. */
  cannotFinish(remainingMs: number): boolean {
    return this.#expectedMs !== null && remainingMs < this.#expectedMs;
  }
}
