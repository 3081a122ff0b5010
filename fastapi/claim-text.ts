// The claim's section of the report, worded from the measured rows: the table of every model at
// every client count and the computed verdict. Pure: rows in, strings and tables out.
import * as format from '../loadtests/report/format.ts';
import { overlaps } from '../loadtests/stats/interval.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { isSteady, notSteadyReason, roundsHeld } from '../loadtests/report/steady.ts';
import { type Table, tableFrom } from '../loadtests/document/model.ts';
import { rateWithInterval } from '../loadtests/report/trust.ts';
import { type ClaimPoint, claimVerdict, type ClaimVerdict, type PointVerdict, type Verdict } from './claim.ts';
import { comparisonWords } from './comparison-words.ts';
import { modelOf, PYTHON_MODELS } from './rows.ts';

/** How a verdict was decided, said once beside it. */
const DECISION_RULE =
  "each compares `def`'s runs with `async def`'s on the log scale: differs when the 95% interval of the ratio excludes 1, equivalent when its 90% interval lies within the margin, else inconclusive, the error spread over the looks the deciding runs could take";

/** The rows of one model, by client count. */
export function runsOf(runs: readonly VariantRun[], model: string): VariantRun[] {
  return runs.filter((run) => modelOf(run.variant) === model).sort((a, b) => a.connections - b.connections);
}

/** The models in the order their rows were run. */
export const modelsOf = (runs: readonly VariantRun[]): string[] => [
  ...new Set(runs.map((run) => modelOf(run.variant))),
];

/** Every run of each route at each client count: the replicates its comparisons rest on. */
export function claimPoints(runs: readonly VariantRun[]): ClaimPoint[] {
  const at = (model: string, clients: number) =>
    runs.filter((run) => modelOf(run.variant) === model && run.connections === clients);
  const counts = [...new Set(runs.map((run) => run.connections))].sort((a, b) => a - b);
  return counts.map((clients) => ({
    clients,
    asyncDef: at(PYTHON_MODELS.async.label, clients),
    def: at(PYTHON_MODELS.def.label, clients),
  }));
}

/** How a verdict reads after "the claim". */
export const VERDICT_WORDS: Record<Verdict, string> = {
  holds: 'holds',
  fails: 'fails',
  equivalent: 'fails (the routes are equivalent: within the margin)',
  inconclusive: 'cannot be decided yet (the runs are inconclusive)',
  'not steady': 'cannot be decided (no client count had both routes in steady state)',
  'not measured': 'was not measured',
};

const ms = (value: number | null | undefined): string => (value == null ? format.MISSING : `${format.ms(value)} ms`);
const percentDifference = (ratio: number): string => `${Math.abs((1 - ratio) * 100).toFixed(0)}%`;

/** " (not steady state: `def`: its window held …; kept out of the verdict)", or '' when both rows are steady. */
function unsteadyNote(asyncDef: VariantRun, def: VariantRun): string {
  const named: readonly (readonly [string, VariantRun])[] = [
    ['`async def`', asyncDef],
    ['`def`', def],
  ];
  const reasons = named.flatMap(([name, run]) => {
    const reason = notSteadyReason(run);
    return reason === null ? [] : [`${name}: ${reason}`];
  });
  return reasons.length === 0 ? '' : ` (not steady state, kept out of the verdict: ${reasons.join('; ')})`;
}

/** The rates of a route's runs: "0.77 ±0.04" for one, "0.77, 0.79 and 0.80" for several. */
const rates = (runs: readonly VariantRun[]): string =>
  runs.length === 1 && runs[0] !== undefined
    ? rateWithInterval(runs[0])
    : runs.map((run) => run.requestsPerSecond.toPrecision(3)).join(', ');

function throughputPhrase(point: PointVerdict, asyncDef: readonly VariantRun[], def: readonly VariantRun[]): string {
  const figures = `${rates(def)} against ${rates(asyncDef)} req/s`;
  const [firstAsync, firstDef] = [asyncDef[0], def[0]];
  const { comparison } = point.throughput;
  if (!point.steady || comparison === null || firstAsync === undefined || firstDef === undefined)
    return `at ${format.clients(point.clients)} ${figures}${firstAsync && firstDef ? unsteadyNote(firstAsync, firstDef) : ''}`;
  return `at ${format.clients(point.clients)} ${comparisonWords(comparison, point.runs)} (${figures})`;
}

const healthFigures = (runs: readonly VariantRun[]): string =>
  runs
    .map((run) => (run.health.latencyMs === null ? `${format.MISSING} (never answered)` : ms(run.health.latencyMs.p99)))
    .join(', ');

/** "`def`'s p50 was 1.31× `async def`'s", the larger first whichever it is. */
function timesOf(metric: string, a: string, ratio: number, b: string): string {
  const [more, less, times] = ratio >= 1 ? [a, b, ratio] : [b, a, 1 / ratio];
  return `${more}'s ${metric} was ${format.ratio(times)} ${less}'s`;
}

function latencyPhrase(point: PointVerdict, asyncDef: readonly VariantRun[], def: readonly VariantRun[]): string {
  const p50 = point.p50Ratio === null ? '' : `${timesOf('p50', '`def`', point.p50Ratio, '`async def`')}; `;
  const first = point.steady ? '' : ' (not steady state: first-round latencies)';
  const { comparison } = point.responsiveness;
  const compared = comparison === null ? '' : `: ${comparisonWords(comparison, point.runs)}`;
  return `at ${format.clients(point.clients)} ${p50}/health waited ${healthFigures(asyncDef)} at p99 beside \`async def\` and ${healthFigures(def)} beside \`def\`${first}${compared}`;
}

/** The largest count's figures of Python's own answers, against `async def` at the same count. */
function ownAnswers(runs: readonly VariantRun[], clients: number, asyncDef: VariantRun): string {
  const others = [PYTHON_MODELS.processPool.label, PYTHON_MODELS.workers.label].flatMap((model) => {
    const run = runsOf(runs, model).find((candidate) => candidate.connections === clients);
    if (run === undefined) return [];
    const times = format.ratio(run.requestsPerSecond / asyncDef.requestsPerSecond);
    const reason = notSteadyReason(run);
    const unsteady = reason === null ? '' : `; not steady state: ${reason}`;
    return [
      `\`${model}\` ${rateWithInterval(run)} req/s (${times} \`async def\`, /health p99 ${ms(run.health.latencyMs?.p99)}${unsteady})`,
    ];
  });
  return others.length === 0
    ? ''
    : `Python's own answers for CPU work at ${format.clients(clients)}: ${others.join('; ')}.`;
}

/** Whether Node's pool lost throughput as clients grew: its fewest-client and most-client rows. */
export function nodePool(runs: readonly VariantRun[]): string {
  const pool = runsOf(runs, 'pool').filter(isSteady);
  const first = pool[0];
  const last = pool.at(-1);
  if (first === undefined || last === undefined || first === last) return '';
  const apart =
    first.requestsPerSecondCi95 !== null &&
    last.requestsPerSecondCi95 !== null &&
    !overlaps(first.requestsPerSecondCi95, last.requestsPerSecondCi95);
  const change = last.requestsPerSecond < first.requestsPerSecond ? 'fell' : 'rose';
  const verdict = apart
    ? `${change} ${percentDifference(last.requestsPerSecond / first.requestsPerSecond)}`
    : 'did not change beyond its intervals';
  return `Node's pool: ${rateWithInterval(first)} req/s at ${format.clients(first.connections)}, ${rateWithInterval(last)} at ${last.connections}: its throughput ${verdict}.`;
}

/** The verdict's sentences; every one from the measured rows. */
export function claimSentences(
  runs: readonly VariantRun[],
  verdict: ClaimVerdict = claimVerdict(claimPoints(runs)),
): string[] {
  const points = claimPoints(runs);
  const measured = verdict.points.flatMap((point, index) => {
    const { asyncDef, def } = points[index] ?? { asyncDef: [], def: [] };
    const firstAsync = asyncDef[0];
    return firstAsync === undefined || def.length === 0 ? [] : [{ point, asyncDef, def, firstAsync }];
  });
  if (measured.length === 0)
    return ['The claim could not be tested: `async def` and `def` were not both measured at any client count.'];
  const deciding = measured.find(({ point }) => point.clients === verdict.decidingClients);
  const verdictSentence =
    deciding === undefined
      ? `Verdict: the claim ${VERDICT_WORDS[verdict.throughput.verdict]}.`
      : `Verdict at ${format.clients(deciding.point.clients)}, the most measured in steady state: the claim ${VERDICT_WORDS[verdict.throughput.verdict]} for throughput and ${VERDICT_WORDS[verdict.responsiveness.verdict]} for responsiveness (${DECISION_RULE}).`;
  return [
    `Throughput: ${measured.map(({ point, asyncDef, def }) => throughputPhrase(point, asyncDef, def)).join('; ')}.`,
    `Responsiveness: ${measured.map(({ point, asyncDef, def }) => latencyPhrase(point, asyncDef, def)).join('; ')}.`,
    verdictSentence,
    deciding === undefined ? '' : ownAnswers(runs, deciding.point.clients, deciding.firstAsync),
    nodePool(runs),
  ].filter((sentence) => sentence !== '');
}

/** Every model at every client count: the figures the claim is judged on. */
export function claimTable(runs: readonly VariantRun[]): Table {
  const orMissing = (value: number | undefined, show: (n: number) => string, missing = format.MISSING) =>
    value === undefined ? missing : show(value);
  return tableFrom(
    modelsOf(runs).flatMap((model) => runsOf(runs, model).map((run) => ({ model, run }))),
    [
      { header: 'model', align: 'left', cell: ({ model }) => model },
      { header: 'clients', cell: ({ run }) => String(run.connections) },
      { header: 'req/s ±95%', cell: ({ run }) => rateWithInterval(run) },
      { header: 'p50 ms', cell: ({ run }) => orMissing(run.latencyMs?.p50, format.ms) },
      { header: 'p99 ms', cell: ({ run }) => orMissing(run.latencyMs?.p99, format.ms) },
      { header: 'threads', cell: ({ run }) => orMissing(run.server.threads ?? undefined, String, format.NOT_MEASURED) },
      {
        header: 'busy threads',
        cell: ({ run }) => orMissing(run.server.busyThreads ?? undefined, String, format.NOT_MEASURED),
      },
      { header: 'CPU %', cell: ({ run }) => format.percent(run.server.cpuPercent) },
      { header: '/health p99 ms', cell: ({ run }) => orMissing(run.health.latencyMs?.p99, format.ms) },
      {
        header: 'clients answered',
        cell: ({ run }) => `${run.clients.filter((client) => client.served > 0).length} / ${run.connections}`,
      },
      {
        header: 'steady state (window rounds)',
        align: 'left',
        cell: ({ run }) => `${isSteady(run) ? 'yes' : 'no'} (${roundsHeld(run).toFixed(1)})`,
      },
    ],
  );
}
