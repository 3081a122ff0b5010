// Load shedding without collapse: a request turned away for a full queue is answered 503 only after
// a short hold, so a closed-loop client that asks again at once sends one request per hold instead
// of a flood that takes the event loop's core from the served requests. Held requests are bounded
// (each is an open socket and a timer); beyond the bound the 503 goes at once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerError } from '../../errors.ts';
import type { SheddingFigures } from '../../stats.ts';

export class RejectionPacer {
  #heldNow = 0;
  #mostHeld = 0;
  #turnedAway = 0;
  #held = 0;

  constructor(
    readonly holdMs: number,
    readonly maxHeld: number,
  ) {}

  /** Throws `error` after the hold while fewer than maxHeld are held, else at once. */
  async turnAway(error: ServerError): Promise<never> {
    this.#turnedAway++;
    if (this.holdMs > 0 && this.#heldNow < this.maxHeld) {
      this.#held++;
      this.#heldNow++;
      this.#mostHeld = Math.max(this.#mostHeld, this.#heldNow);
      try {
        await sleep(this.holdMs);
      } finally {
        this.#heldNow--;
      }
    }
    throw error;
  }

  read(): SheddingFigures {
    return {
      holdMs: this.holdMs,
      maxHeld: this.maxHeld,
      turnedAway: this.#turnedAway,
      held: this.#held,
      heldNow: this.#heldNow,
      mostHeld: this.#mostHeld,
    };
  }

  reset(): void {
    this.#turnedAway = 0;
    this.#held = 0;
    this.#mostHeld = this.#heldNow;
  }
}
