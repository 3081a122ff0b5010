// What a closed loop's answers amount to, counted as they come and in constant memory: per client
// its answers and the first and last of them (its completed cycles), and per round (every client
// answered once more) the answers and the time it took, in at most MAX_BATCHES batches of rounds.

/** Batches of rounds kept: past twice this, neighbours merge and each batch holds twice the rounds. */
export const MAX_BATCHES = 64;

export interface ClientCycles {
  /** Answers of this client inside the window. */
  readonly count: number;
  /** Epoch ms of its first and last answer; NaN before any. */
  readonly firstMs: number;
  readonly lastMs: number;
}

/** Consecutive rounds taken together: their answers and the time they lasted. */
export interface RoundBatch {
  readonly rounds: number;
  readonly answers: number;
  readonly durationMs: number;
}

export interface CycleCounts {
  readonly clients: readonly ClientCycles[];
  /** Completed rounds after the first (the first only aligns the clients' phases), in batches. */
  readonly batches: readonly RoundBatch[];
  readonly rounds: number;
}

export class CycleTally {
  readonly #count: Float64Array;
  readonly #first: Float64Array;
  readonly #last: Float64Array;
  readonly #answeredThisRound: Uint8Array;
  #waitingFor: number;
  /** Round boundaries: NaN until the first round (the alignment) has ended. */
  #roundStartMs = Number.NaN;
  #roundAnswers = 0;
  #batches: RoundBatch[] = [];
  #roundsPerBatch = 1;
  #open: { rounds: number; answers: number; durationMs: number } = { rounds: 0, answers: 0, durationMs: 0 };
  #rounds = 0;

  constructor(readonly clients: number) {
    this.#count = new Float64Array(clients);
    this.#first = new Float64Array(clients).fill(Number.NaN);
    this.#last = new Float64Array(clients).fill(Number.NaN);
    this.#answeredThisRound = new Uint8Array(clients);
    this.#waitingFor = clients;
  }

  /**
   * An answer of client `clientId` (1-based) at `atMs`, in time order. Any answer ends the client's
   * cycle, so rounds go on when most are turned away (overload); only a served one is counted.
   */
  answer(clientId: number, atMs: number, served = true): void {
    const i = clientId - 1;
    if (i < 0 || i >= this.clients) return;
    if (served) {
      this.#count[i]! += 1;
      if (Number.isNaN(this.#first[i]!) || atMs < this.#first[i]!) this.#first[i] = atMs;
      if (Number.isNaN(this.#last[i]!) || atMs > this.#last[i]!) this.#last[i] = atMs;
      this.#roundAnswers++;
    }
    if (this.#answeredThisRound[i] === 0) {
      this.#answeredThisRound[i] = 1;
      this.#waitingFor--;
    }
    if (this.#waitingFor === 0) this.#endRound(atMs);
  }

  #endRound(atMs: number): void {
    if (!Number.isNaN(this.#roundStartMs)) {
      this.#rounds++;
      const open = this.#open;
      open.rounds++;
      open.answers += this.#roundAnswers;
      open.durationMs += atMs - this.#roundStartMs;
      if (open.rounds === this.#roundsPerBatch) {
        this.#batches.push({ ...open });
        this.#open = { rounds: 0, answers: 0, durationMs: 0 };
        if (this.#batches.length === 2 * MAX_BATCHES) this.#merge();
      }
    }
    this.#roundStartMs = atMs;
    this.#roundAnswers = 0;
    this.#answeredThisRound.fill(0);
    this.#waitingFor = this.clients;
  }

  #merge(): void {
    const merged: RoundBatch[] = [];
    for (let i = 0; i + 1 < this.#batches.length; i += 2) {
      const [a, b] = [this.#batches[i]!, this.#batches[i + 1]!];
      merged.push({
        rounds: a.rounds + b.rounds,
        answers: a.answers + b.answers,
        durationMs: a.durationMs + b.durationMs,
      });
    }
    this.#batches = merged;
    this.#roundsPerBatch *= 2;
  }

  /** Served answers so far, all clients. */
  get served(): number {
    let sum = 0;
    for (const count of this.#count) sum += count;
    return sum;
  }

  /** The fewest answers any client has had. */
  get fewestPerClient(): number {
    let fewest = Number.POSITIVE_INFINITY;
    for (const count of this.#count) fewest = Math.min(fewest, count);
    return this.clients === 0 ? 0 : fewest;
  }

  /** A copy of the counts so far: the unfinished batch is included when it holds a round. */
  counts(): CycleCounts {
    const clients = Array.from({ length: this.clients }, (_, i) => ({
      count: this.#count[i]!,
      firstMs: this.#first[i]!,
      lastMs: this.#last[i]!,
    }));
    const batches = this.#open.rounds > 0 ? [...this.#batches, { ...this.#open }] : [...this.#batches];
    return { clients, batches, rounds: this.#rounds };
  }
}
