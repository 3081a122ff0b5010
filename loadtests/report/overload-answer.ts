// The overload report's answer: for each kind of client, how much goodput shedding kept against the
// same server without it (the three-outcome comparison), /health beside each, and what to set. Pure.
import { comparisonSentence } from '../document/phrases.ts';
import { compareRows, groupRows, METRICS } from './comparisons.ts';
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { type Overloaded, overloadGroups } from './overload-section.ts';
import type { VariantGroup } from './runs.ts';

const CLIENTS = { 'at-once': 'Clients that retry at once', 'retry-after': 'Clients that honour Retry-After' } as const;

const figures = (run: VariantRun): string =>
  `${format.perSecond(run.requestsPerSecond)} req/s${run.percentOfLimit === null ? '' : `, ${format.percent(run.percentOfLimit)} of the limit`}`;

function clientLine(report: Report, retry: keyof typeof CLIENTS, groups: readonly VariantGroup[]): string | null {
  const mine = groups.filter((group) => (group.summary as Overloaded).overload.retry === retry);
  const on = mine.find((group) => (group.summary as Overloaded).overload.shedding !== null);
  const off = mine.find((group) => (group.summary as Overloaded).overload.shedding === null);
  if (on === undefined && off === undefined) return null;
  if (on === undefined || off === undefined) {
    const only = (on ?? off)!.summary;
    return `${CLIENTS[retry]}: ${only.variant} served ${figures(only)}; /health p99 ${format.healthP99(only)}.`;
  }
  const compared = compareRows(groupRows(off), groupRows(on), METRICS[0]!, report.parameters.equivalenceMargin);
  const versus = compared === null ? `${on.variant} against ${off.variant}` : comparisonSentence(compared);
  return `${CLIENTS[retry]}: ${versus} (${figures(on.summary)} against ${figures(off.summary)}); /health p99 ${format.healthP99(on.summary)} with shedding, ${format.healthP99(off.summary)} without.`;
}

/** null when the report has no overload rows: the general answer applies. */
export function overloadAnswer(report: Report): string[] | null {
  const groups = overloadGroups(report);
  if (groups.length === 0) return null;
  const lines = [clientLine(report, 'at-once', groups), clientLine(report, 'retry-after', groups)];
  const best = [...groups].sort((a, b) => b.summary.requestsPerSecond - a.summary.requestsPerSecond)[0]!;
  const shedding = (best.summary as Overloaded).overload.shedding;
  const advice =
    shedding === null
      ? `The most goodput came without shedding (${best.variant}).`
      : `Keep shedding on (the default, \`--shed-hold-ms ${shedding.holdMs} --shed-max-held ${shedding.maxHeld}\`): ${best.variant} kept the most goodput.`;
  return [...lines.filter((line): line is string => line !== null), advice];
}
