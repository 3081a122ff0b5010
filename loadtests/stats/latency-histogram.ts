// Latencies in constant memory: an HdrHistogram (node's perf_hooks, three significant digits) of
// microseconds, read back as order statistics, merged across runs. Recording costs no allocation.
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { type PercentileEstimate, percentileEstimate } from './order-statistics.ts';

const US_PER_MS = 1000;
/** An hour in µs: the longest latency a histogram holds (longer ones are clamped to it). */
const HIGHEST_US = 3_600_000_000;

export class LatencyHistogram {
  readonly #histogram: RecordableHistogram = createHistogram({ lowest: 1, highest: HIGHEST_US, figures: 3 });
  /** Samples recorded as "at least this" (never answered): they rank at the top. */
  #censored = 0;

  record(latencyMs: number): void {
    this.#histogram.record(Math.min(HIGHEST_US, Math.max(1, Math.round(latencyMs * US_PER_MS))));
  }

  /** A sample known only to exceed `atLeastMs` (a probe that timed out). */
  recordCensored(atLeastMs: number): void {
    this.record(atLeastMs);
    this.#censored++;
  }

  /** Adds every sample of `other` (another run of the same row). */
  merge(other: LatencyHistogram): void {
    this.#histogram.add(other.#histogram);
    this.#censored += other.#censored;
  }

  get count(): number {
    return this.#histogram.count;
  }

  get censored(): number {
    return this.#censored;
  }

  get meanMs(): number {
    return this.#histogram.mean / US_PER_MS;
  }

  get maxMs(): number {
    return this.#histogram.max / US_PER_MS;
  }

  /** The k-th smallest sample (1-based), to three significant digits. */
  atRank(rank: number): number {
    // Half a rank below: the histogram rounds its percentile's count up, onto rank k exactly.
    const percentile = (100 * (rank - 0.5)) / this.count;
    return this.#histogram.percentile(Math.min(100, Math.max(Number.MIN_VALUE, percentile))) / US_PER_MS;
  }

  /** Nearest-rank p-th percentile with its order-statistic interval; null when empty. */
  percentile(p: number): PercentileEstimate | null {
    if (this.count === 0) return null;
    return percentileEstimate(this.count, p, (rank) => this.atRank(rank), this.#censored);
  }
}
