// What the generator keeps of the answers inside a window: counts, not the answers themselves, so
// its CPU and memory stay flat however long the window lasts. Per client its served answers and
// latency sum, the cycle tally (rounds), a latency histogram of the 2xx answers, counts by status,
// and served answers per BUCKET_MS (the timeline at a glance, and a warm-up check's input).
import { CycleTally } from '../stats/cycle-tally.ts';
import { LatencyHistogram } from '../stats/latency-histogram.ts';

export const BUCKET_MS = 100;

/** A 2xx answer: what req/s, latencies and the automatic window count. */
export const isServed = (status: number): boolean => status >= 200 && status <= 299;

export class WindowCounter {
  readonly tally: CycleTally;
  /** Of the 2xx answers. */
  readonly latencies = new LatencyHistogram();
  /** Of the 503 answers: how long a turned-away client waited to be told (overload's shedding). */
  readonly turnedAwayLatencies = new LatencyHistogram();
  readonly servedPerBucket: number[] = [];
  readonly #statusCounts = new Map<number, number>();
  readonly #servedByClient: Float64Array;
  readonly #latencySumByClient: Float64Array;
  #answered = 0;

  constructor(
    readonly connections: number,
    readonly startMs: number,
  ) {
    this.tally = new CycleTally(connections);
    this.#servedByClient = new Float64Array(connections);
    this.#latencySumByClient = new Float64Array(connections);
  }

  answer(clientId: number, status: number, latencyMs: number, atMs: number): void {
    this.#answered++;
    this.#statusCounts.set(status, (this.#statusCounts.get(status) ?? 0) + 1);
    if (status === 503) this.turnedAwayLatencies.record(latencyMs);
    const served = isServed(status);
    this.tally.answer(clientId, atMs, served);
    if (!served) return;
    this.latencies.record(latencyMs);
    const i = clientId - 1;
    if (i >= 0 && i < this.connections) {
      this.#servedByClient[i]! += 1;
      this.#latencySumByClient[i]! += latencyMs;
    }
    const bucket = Math.max(0, Math.floor((atMs - this.startMs) / BUCKET_MS));
    while (this.servedPerBucket.length <= bucket) this.servedPerBucket.push(0);
    this.servedPerBucket[bucket]! += 1;
  }

  /** Every answer inside the window, whatever its status. */
  get answered(): number {
    return this.#answered;
  }

  get served(): number {
    return this.tally.served;
  }

  statusCounts(): Record<string, number> {
    return Object.fromEntries([...this.#statusCounts].sort(([a], [b]) => a - b));
  }

  /** Per client (1-based): its 2xx answers and their mean latency. */
  clients(): { clientId: number; served: number; meanLatencyMs: number | null }[] {
    return Array.from({ length: this.connections }, (_, i) => {
      const served = this.#servedByClient[i]!;
      return { clientId: i + 1, served, meanLatencyMs: served > 0 ? this.#latencySumByClient[i]! / served : null };
    });
  }
}
