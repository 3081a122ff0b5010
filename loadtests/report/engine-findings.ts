// What the report says about the load's side: which engine sent it, where it ran against the server,
// and, when one invocation measured a server with both engines, how their req/s compare. Pure.
import * as format from './format.ts';
import { overlaps } from '../stats/interval.ts';
import type { Report, VariantRun } from './model.ts';
import type { LoadEngine } from './placement-model.ts';
import { groupByVariant, measuredRuns } from './runs.ts';

/** The issue's bar for Locust against autocannon on the same server. */
export const ENGINE_AGREEMENT_PERCENT = 10;

function describeEngine(engine: LoadEngine): string {
  if (engine.name === 'autocannon') return 'autocannon';
  const here = format.plural(engine.generators, 'worker');
  return engine.external === 0
    ? `Locust, a master and ${here} on this machine`
    : `Locust, a master, ${here} here and ${engine.external} on other machines`;
}

/** "autocannon and the probe", or with both engines "autocannon or Locust, …, and the probe". */
function engineNames(report: Report): string {
  const names = [...new Set(measuredRuns(report).map((run) => describeEngine(run.engine)))];
  return names.length <= 1 ? `${names[0] ?? 'autocannon'} and the probe` : `${names.join(' or ')}, and the probe`;
}

/** Where the server ran, when not on the load generator's cores; null when it shared them. */
function elsewhere(report: Report): string | null {
  const placement = measuredRuns(report)
    .map((run) => run.target?.placement)
    .find((where) => where?.state === 'elsewhere');
  if (placement === undefined || placement.state !== 'elsewhere') return null;
  const cores = placement.cpus === null ? 'cores not known' : format.plural(placement.cpus, 'core');
  return `on ${report.machine.hostname} (${format.plural(report.machine.cpus, 'core')}); the server ran on another machine, ${placement.hostname ?? 'its name not known'} (${cores}), so the two did not share cores`;
}

export function generator(report: Report): string {
  const shares = measuredRuns(report)
    .map((run) => run.neighbours.generatorCpuPercent)
    .filter((share): share is number => share !== null);
  const on = elsewhere(report) ?? `on the same ${report.machine.cpus} cores as the server`;
  const who = `The load generator (${engineNames(report)})`;
  if (shares.length === 0) return `${who} ran ${on}; its CPU was not measured.`;
  const [low, high] = [format.percent(Math.min(...shares)), format.percent(Math.max(...shares))];
  return `${who} ran ${on} and used ${low === high ? low : `${low}–${high}`} of a core during the runs.`;
}

/** A row's name without the engine suffix the runner adds when several engines ran. */
const baseName = (run: VariantRun): string => run.variant.replace(` · ${run.engine.name}`, '');

/** Each server measured with both engines: Locust's req/s against autocannon's, and the verdict. */
export function engineComparison(report: Report): string[] {
  const summaries = groupByVariant(report).map((group) => group.summary);
  const pairs = summaries.flatMap((locust) => {
    if (locust.engine.name !== 'locust') return [];
    const cannon = summaries.find((run) => run.engine.name === 'autocannon' && baseName(run) === baseName(locust));
    return cannon === undefined ? [] : [{ name: baseName(locust), locust, cannon }];
  });
  if (pairs.length === 0) return [];
  const parts = pairs.map(({ name, locust, cannon }) => {
    const change = (locust.requestsPerSecond / cannon.requestsPerSecond - 1) * 100;
    const [a, b] = [locust.requestsPerSecondCi95, cannon.requestsPerSecondCi95];
    const apart = a !== null && b !== null && !overlaps(a, b) ? 'intervals apart' : 'intervals overlap';
    const sign = change >= 0 ? '+' : '−';
    return {
      within: Math.abs(change) <= ENGINE_AGREEMENT_PERCENT,
      text: `${name} ${format.perSecond(locust.requestsPerSecond)} vs ${format.perSecond(cannon.requestsPerSecond)} req/s (${sign}${Math.abs(change).toFixed(1)}%, ${apart})`,
    };
  });
  const outside = parts.filter((part) => !part.within).length;
  const verdict =
    outside === 0
      ? `every pair within ${ENGINE_AGREEMENT_PERCENT}%`
      : `${outside} of ${parts.length} pairs more than ${ENGINE_AGREEMENT_PERCENT}% apart`;
  return [
    `Locust against autocannon on the same server, one after the other: ${parts.map((part) => part.text).join('; ')}: ${verdict}.`,
  ];
}

/** How Locust's rows were timed, for the report's notes. */
export function engineNotes(runs: readonly VariantRun[]): string[] {
  const locust = runs.find((run) => run.engine.name === 'locust');
  if (locust === undefined) return [];
  return [
    `Load from ${describeEngine(locust.engine)}: each worker forwards every answer with its client's own response time (not rounded) and the time it arrived; the window, percentiles and per-client rows are computed from them here, over all workers together. Locust's own tables, which round response times (to 10 ms above 100 ms, coarser above 1 s), are not used.`,
  ];
}
