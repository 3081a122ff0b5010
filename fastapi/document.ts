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
import { claimVerdict } from './claim.ts';
import { claimLatencyChart, claimRateChart } from './claim-charts.ts';
import { claimPoints, claimSentences, claimTable, nodePool, runsOf, VERDICT_WORDS } from './claim-text.ts';
import { PYTHON_MODELS } from './rows.ts';

const CLAIM =
  'The original ends: use `async def` when the path operation is CPU-intensive and must serve numerous requests at once, because `def` creates lots of threads that compete for the CPU.';

const p99 = (run: VariantRun): string =>
  run.health.latencyMs === null ? 'no answer' : format.duration(run.health.latencyMs.p99);

const phrase = (comparison: Comparison | null): string =>
  comparison === null ? 'not compared (a row has no interval)' : comparisonSentence(comparison);

/** The verdict per question at the deciding client count, then Python's own answer and Node's pool. */
function fastapiAnswer(runs: readonly VariantRun[]): string[] {
  const verdict = claimVerdict(claimPoints(runs));
  const clients = verdict.decidingClients;
  const point = claimPoints(runs).find((candidate) => candidate.clients === clients);
  if (clients === null || point?.asyncDef == null || point.def == null)
    return [
      `The claim: throughput ${VERDICT_WORDS[verdict.throughput]}; no client count had both routes in steady state.`,
    ];
  const { asyncDef, def } = point;
  const at = `at ${format.clients(clients)}`;
  const processPool = runsOf(runs, PYTHON_MODELS.processPool.label).find((run) => run.connections === clients);
  const pool = nodePool(runs);
  return [
    `The claim ${at}: ${VERDICT_WORDS[verdict.throughput]} for throughput, ${VERDICT_WORDS[verdict.responsiveness]} for responsiveness.`,
    `Throughput ${at}: ${phrase(compareRuns(def, asyncDef, ['`def`', '`async def`']))}.`,
    `Responsiveness ${at}: /health p99 ${p99(asyncDef)} beside \`async def\`, ${p99(def)} beside \`def\`.`,
    ...(processPool === undefined
      ? []
      : [
          `Python's own answer ${at}: ${phrase(compareRuns(processPool, asyncDef, ['`async def` + process pool', '`async def`']))}; /health p99 ${p99(processPool)}.`,
        ]),
    ...(pool === '' ? [] : [pool]),
  ];
}

/** A loadtest section with its evidence for every row folded: the claim's table already sums the rows up. */
const folded = (section: Section): Section => ({
  ...section,
  blocks: [details(`${section.title}, every row`, section.blocks)],
});

export function fastapiDocument(report: Report): ReportDocument {
  const runs = report.runs.filter(isMeasured);
  const answer = fastapiAnswer(runs);
  const counts = [...new Set(runs.map((run) => run.connections))].sort((a, b) => a - b);
  const span = counts.length > 1 ? `${counts[0]}–${counts.at(-1)}` : String(counts[0] ?? 0);
  const sentences = claimSentences(runs);
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
