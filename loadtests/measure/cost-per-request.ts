// A row's CPU cost per request by the utilization law: the server's CPU in the window over the 2xx
// answers served in it, with an interval from batches of the window (the CPU samples and the
// answers per 100 ms bucket over the same stretches). Pure.
import type { CpuSample } from '../report/figures.ts';
import type { Interval } from '../stats/interval.ts';
import { ratioEstimate } from '../stats/ratio-estimate.ts';
import { tTwoSided } from '../stats/student-t.ts';

/** Stretches the window is cut into: enough degrees of freedom, each still several samples long. */
const COST_BATCHES = 10;

/** 95% interval of CPU ms per 2xx answer; null with too few samples or no answer. */
export function costInterval(
  samples: readonly CpuSample[],
  servedPerBucket: readonly number[],
  bucketMs: number,
): Interval | null {
  const perBatch = Math.ceil(samples.length / COST_BATCHES);
  if (perBatch === 0 || samples.length < 2 * perBatch) return null;
  const batches: { numerator: number; denominator: number }[] = [];
  let fromSeconds = 0;
  for (let first = 0; first < samples.length; first += perBatch) {
    const group = samples.slice(first, first + perBatch);
    let cpuMs = 0;
    let previous = fromSeconds;
    for (const sample of group) {
      cpuMs += (sample.cpuPercent / 100) * (sample.atSeconds - previous) * 1000;
      previous = sample.atSeconds;
    }
    const [fromBucket, toBucket] = [fromSeconds, previous].map((s) => Math.round((s * 1000) / bucketMs));
    const served = servedPerBucket.slice(fromBucket, toBucket).reduce((sum, n) => sum + n, 0);
    batches.push({ numerator: cpuMs, denominator: served });
    fromSeconds = previous;
  }
  const estimate = ratioEstimate(batches);
  if (estimate === null) return null;
  const half = tTwoSided(0.95, estimate.df) * estimate.relativeSe;
  return [estimate.ratio * Math.exp(-half), estimate.ratio * Math.exp(half)];
}
