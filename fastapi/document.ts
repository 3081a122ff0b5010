// make fastapi's report as the one document: the claim's verdict per question first, req/s by
// clients as the hero, the claim's table, then the loadtest's sections with every row folded away.
import { chart, details, notes, type ReportDocument, type Section, table } from '../loadtests/document/model.ts';
import { comparisonSentence } from '../loadtests/document/phrases.ts';
import type { Comparison } from '../loadtests/stats/compare.ts';
import { compareRuns } from '../loadtests/report/answer.ts';
import { loadtestSections } from '../loadtests/report/document.ts';
import * as format from '../loadtests/report/format.ts';
import type { Report, VariantRun } from '../loadtests/report/model.ts';
import { reportProvenance } from '../loadtests/report/provenance-lines.ts';
import { isMeasured } from '../loadtests/report/runs.ts';
import { type ClaimOptions, type ClaimVerdict, claimVerdict } from './claim.ts';
import { type Stop, stopLine } from '../loadtests/decide/stopping.ts';
import { claimLatencyChart, claimRateChart } from './claim-charts.ts';
import { claimPoints, claimSentences, claimTable, nodePool, runsOf, VERDICT_WORDS } from './claim-text.ts';
import { PYTHON_MODELS } from './rows.ts';

const CLAIM =
  'The original ends: use `async def` when the path operation is CPU-intensive and must serve numerous requests at once, because `def` creates lots of threads that compete for the CPU.';

const phrase = (comparison: Comparison | null): string =>
  comparison === null ? 'not compared (a row has no interval)' : comparisonSentence(comparison);

/** What make fastapi stores beside the rows: the claim's verdict as data, and how the deciding runs stopped. */
export type FastapiReport = Report & {
  readonly claim?: ClaimVerdict & ClaimOptions & { readonly stop: Exclude<Stop, { state: 'continue' }> | null };
};

/** The verdict per question at the deciding client count, then Python's own answer and Node's pool. */
function fastapiAnswer(runs: readonly VariantRun[], verdict: ClaimVerdict): string[] {
  const clients = verdict.decidingClients;
  const point = verdict.points.find((candidate) => candidate.clients === clients);
  const asyncDef = runsOf(runs, PYTHON_MODELS.async.label).find((run) => run.connections === clients);
  if (clients === null || point === undefined || asyncDef === undefined)
    return [
      `The claim: throughput ${VERDICT_WORDS[verdict.throughput.verdict]}; no client count had both routes in steady state.`,
    ];
  const at = `at ${format.clients(clients)}`;
  const processPool = runsOf(runs, PYTHON_MODELS.processPool.label).find((run) => run.connections === clients);
  const pool = nodePool(runs);
  const { throughput, responsiveness } = point;
  return [
    `The claim ${at}: ${VERDICT_WORDS[verdict.throughput.verdict]} for throughput, ${VERDICT_WORDS[verdict.responsiveness.verdict]} for responsiveness.`,
    `Throughput ${at}: ${throughput.comparison === null ? 'not compared' : comparisonSentence(throughput.comparison, 'run')}.`,
    `Responsiveness ${at}: ${responsiveness.comparison === null ? 'not compared' : comparisonSentence(responsiveness.comparison, 'run')}.`,
    ...(processPool === undefined
      ? []
      : [
          `Python's own answer ${at}: ${phrase(compareRuns(processPool, asyncDef, ['`async def` + process pool', '`async def`']))}; /health p99 ${format.healthP99(processPool)}.`,
        ]),
    ...(pool === '' ? [] : [pool]),
  ];
}

/** A loadtest section with its evidence for every row folded: the claim's table already sums the rows up. */
const folded = (section: Section): Section => ({
  ...section,
  blocks: [details(`${section.title}, every row`, section.blocks)],
});

export function fastapiDocument(report: FastapiReport): ReportDocument {
  const runs = report.runs.filter(isMeasured);
  // A report written before the verdict was stored is judged again by the same rule.
  const verdict = report.claim ?? claimVerdict(claimPoints(runs));
  const stopped = report.claim?.stop == null ? [] : [`The deciding runs ${stopLine(report.claim.stop)}.`];
  const answer = fastapiAnswer(runs, verdict);
  const counts = [...new Set(runs.map((run) => run.connections))].sort((a, b) => a - b);
  const span = counts.length > 1 ? `${counts[0]}–${counts.at(-1)}` : String(counts[0] ?? 0);
  const sentences = [...claimSentences(runs, verdict), ...stopped];
  return {
    title: `FastAPI claim, ${span} clients`,
    provenance: reportProvenance(report),
    answer,
    // At the most clients alone: the verdict's count, seven bars that read on the first screen.
    hero: claimRateChart(
      runs.filter((run) => run.connections === counts.at(-1)),
      'hero-rate',
    ),
    sections: [
      {
        title: 'The claim, tested',
        conclusion: sentences.find((line) => line.startsWith('Verdict')) ?? null,
        blocks: [
          notes([CLAIM, ...sentences]),
          table(claimTable(runs), 'claim'),
          chart({ ...claimRateChart(runs), text: null }), // its text form is the hero's
          chart(claimLatencyChart(runs)),
        ],
      },
      ...loadtestSections(report, []).map(folded),
    ],
  };
}
