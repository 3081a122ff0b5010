// The overload rows side by side: goodput against the limit, what was turned away and how fast, the
// event loop's CPU, and /health; then which row kept the most goodput. Pure: report -> cells and
// sentences, rendered by markdown, terminal and html alike.
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import type { OverloadFigures } from './overload-model.ts';
import { groupByVariant, type VariantGroup } from './runs.ts';
import { spread, type Table, tableOfGroups } from './tables.ts';

export const OVERLOAD_NOTE =
  'Goodput: 2xx answers per second inside the window, against the row’s physical limit. 503/504 per second as the clients counted them; 503 ms: how long a turned-away client waited for its 503. ' +
  'Most held: the most turned-away requests the server held at once (never above --shed-max-held). Loop CPU: the server’s event-loop thread, from its own /proc clock, in % of one core and per served request.';

export type Overloaded = VariantRun & { readonly overload: OverloadFigures };

const overloadOf = (run: VariantRun): OverloadFigures | null => run.overload;
const isOverloaded = (run: VariantRun): run is Overloaded => run.overload !== null;

export function overloadGroups(report: Report): VariantGroup[] {
  return groupByVariant(report).filter((group) => group.runs.every(isOverloaded));
}

const from = (value: (figures: OverloadFigures) => number | null, show: (n: number) => string) =>
  spread((run) => {
    const figures = overloadOf(run);
    return figures === null ? null : value(figures);
  }, show);

const retryCell = (group: VariantGroup): string =>
  group.shown.overload?.retry === 'retry-after' ? 'Retry-After' : 'at once';

function sheddingCell(group: VariantGroup): string {
  const shedding = group.shown.overload?.shedding ?? null;
  if (shedding !== null) return `hold ${format.count(shedding.holdMs)} ms, ≤ ${format.count(shedding.maxHeld)}`;
  return group.shown.overload?.server === null ? format.MISSING : 'off';
}

export function overloadTable(report: Report): Table | null {
  const groups = overloadGroups(report);
  if (groups.length === 0) return null;
  return tableOfGroups(groups, [
    { header: 'clients retry', align: 'left', cell: retryCell },
    { header: 'shedding', align: 'left', cell: sheddingCell },
    { header: 'goodput req/s', cell: spread((run) => run.requestsPerSecond, format.perSecond) },
    {
      header: '% of limit',
      cell: spread(
        (run) => run.percentOfLimit,
        (n) => format.percent(n),
      ),
    },
    { header: '503/s', cell: from((o) => o.turnedAwayPerSecond, format.perSecond) },
    { header: '504/s', cell: from((o) => o.cutOffPerSecond, format.perSecond) },
    { header: '503 p50 ms', cell: from((o) => o.turnedAwayLatencyMs?.p50 ?? null, format.ms) },
    { header: '503 p99 ms', cell: from((o) => o.turnedAwayLatencyMs?.p99 ?? null, format.ms) },
    { header: 'most held', cell: from((o) => o.server?.mostHeld ?? null, format.count) },
    {
      header: 'loop CPU %',
      cell: from(
        (o) => o.eventLoopCpuPercent,
        (n) => format.percent(n),
      ),
    },
    { header: 'loop ms / served', cell: from((o) => o.eventLoopCpuMsPerServed, format.ms) },
    { header: '/health p99 ms', cell: spread((run) => run.health.latencyMs?.p99 ?? null, format.ms) },
  ]);
}

const limitShare = (run: VariantRun): string =>
  run.percentOfLimit === null ? '' : ` (${format.percent(run.percentOfLimit)} of its limit)`;

function turnedAwayWait(run: Overloaded): string {
  const latency = run.overload.turnedAwayLatencyMs;
  return latency === null
    ? 'it turned no request away with 503'
    : `its turned-away clients waited p50 ${format.ms(latency.p50)} ms, p99 ${format.ms(latency.p99)} ms for their 503`;
}

const health = (run: VariantRun): string =>
  run.health.latencyMs === null
    ? `/health went unanswered (${format.count(run.health.failed)} of ${format.count(run.health.sent)} probes failed)`
    : `/health answered in p99 ${format.ms(run.health.latencyMs.p99)} ms`;

const loop = (run: Overloaded): string =>
  run.overload.eventLoopCpuPercent === null
    ? ''
    : `, its event loop used ${format.percent(run.overload.eventLoopCpuPercent)} of a core`;

/** The row that kept the most goodput, and each row's 503 rate and loop CPU beside it. */
export function overloadFindings(report: Report): string[] {
  const runs = overloadGroups(report).map((group) => group.summary as Overloaded);
  const best = runs.reduce<Overloaded | null>(
    (top, run) => (top === null || run.requestsPerSecond > top.requestsPerSecond ? run : top),
    null,
  );
  if (best === null) return [];
  const others = runs
    .filter((run) => run !== best)
    .map(
      (run) =>
        `${run.variant} ${format.perSecond(run.requestsPerSecond)}${limitShare(run)} with ${format.perSecond(run.overload.turnedAwayPerSecond)} 503/s${loop(run)}`,
    );
  return [
    `Most goodput under overload: ${best.variant} served ${format.perSecond(best.requestsPerSecond)} req/s${limitShare(best)} with ${format.perSecond(best.overload.turnedAwayPerSecond)} 503/s${loop(best)}; ${turnedAwayWait(best)}, and ${health(best)}.`,
    ...(others.length > 0 ? [`Beside it: ${others.join('; ')}.`] : []),
  ];
}
