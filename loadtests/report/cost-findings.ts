// What a row's CPU says beyond its rate: the cost of a request under load (utilization law) against
// the cost of a request sent alone (the calibration), and whether the load generator's share of the
// cores explains a row that fell short of its limit. Pure: a run in, sentences out.
import * as format from './format.ts';
import type { VariantRun } from './model.ts';

/** A row this far below its limit is said to fall short of it. */
const SHORTFALL_PERCENT = 97;

/** "under load a request cost 11.1 ms [10.9–11.4] of CPU, alone 12.8 ms": said only when they differ. */
export function costUnderLoad(run: VariantRun): string | null {
  const alone = run.limit?.cpuMsPerRequest ?? null;
  const ci = run.server.cpuMsPerServedRequestCi95;
  const loaded = run.server.cpuMsPerServedRequest;
  if (alone === null || ci === null || loaded === null || (alone >= ci[0] && alone <= ci[1])) return null;
  const direction = alone > ci[1] ? 'less' : 'more';
  return `${run.variant}: under load a served request cost ${format.ms(loaded)} ms [${format.ms(ci[0])}–${format.ms(ci[1])}] of server CPU, ${direction} than the ${format.ms(alone)} ms of a request sent alone (the cost its limit is calibrated from), beyond its interval.`;
}

/**
 * A row short of its limit on a machine whose cores the server and the generator filled between
 * them: the generator's share, not the server, is what the row lacked.
 */
export function generatorShortfall(run: VariantRun, cores: number): string | null {
  const generator = run.neighbours.generatorCpuPercent;
  const server = run.server.cpuPercent;
  if (
    run.percentOfLimit === null ||
    generator === null ||
    server === null ||
    run.target?.placement.state === 'elsewhere'
  )
    return null;
  if (run.percentOfLimit >= SHORTFALL_PERCENT || run.limit === null || run.limit.concurrency < cores) return null;
  const missing = 100 - run.percentOfLimit;
  const generatorShare = generator / cores;
  if (generatorShare < missing / 2) return null;
  const explains = generatorShare >= missing ? 'enough to explain' : 'at least half of';
  return `${run.variant} reached ${format.percent(run.percentOfLimit)} of its limit while the load generator used ${format.percent(generator)} of a core on the same ${format.plural(cores, 'core')}: ${format.percent(generatorShare)} of the machine, ${explains} the ${format.percent(missing)} it fell short.`;
}
