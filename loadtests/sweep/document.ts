// The sweep report as the one document: the pool size to use, why, and what more threads would
// cost; the pool's req/s curve as the hero; a section per series, the prediction, the self-checks.
import { chart, details, notes, type ReportDocument, type Section, table } from '../document/model.ts';
import { textBars } from '../document/phrases.ts';
import * as format from '../report/format.ts';
import { provenanceLines } from '../report/provenance-lines.ts';
import { noiseGuardTable } from '../report/tables.ts';
import { medianSeries, poolSeries } from './analyse.ts';
import { noiseSentence, recommendationLines, seriesConclusions } from './conclusions.ts';
import type { SweepReport, SweepSeries } from './model.ts';
import { sizingSentences } from './sizing-sentences.ts';
import { latencyChart, throughputChart } from './svg-sweep.ts';
import { pointGroups, seriesTable, seriesTitle } from './tables.ts';

function rateChart(report: SweepReport, series: SweepSeries) {
  return {
    caption: `${series.variant}: requests per second by ${series.axis}`,
    svg: throughputChart(report, series),
    text: textBars(
      medianSeries(series).points.map(({ x, run }) => ({
        label: String(x),
        value: run.requestsPerSecond,
        shown: `${format.perSecond(run.requestsPerSecond)} req/s`,
      })),
    ),
    mermaid: null,
  };
}

/** `isHero`: its req/s chart is the hero already, drawn once. */
function seriesSection(report: SweepReport, series: SweepSeries, isHero: boolean): Section {
  const sentences = seriesConclusions(series, report);
  const latency = series.points.length === 0 ? null : latencyChart(series);
  return {
    title: seriesTitle(series, report),
    conclusion: sentences[0] ?? null,
    blocks: [
      ...(series.points.length === 0 || isHero ? [] : [chart(rateChart(report, series))]),
      table(seriesTable(series, report), 'points'),
      notes(sentences.slice(1)),
      ...(latency === null
        ? []
        : [
            details(`p99 by ${series.axis}`, [
              chart({
                caption: `${series.variant}: p99 latency by ${series.axis}`,
                svg: latency,
                text: null,
                mermaid: null,
              }),
            ]),
          ]),
    ],
  };
}

export function sweepDocument(report: SweepReport): ReportDocument {
  const { parameters } = report;
  const runs = parameters.repeat > 1 ? `; ${parameters.repeat} runs per point, each on a fresh server` : '';
  const hero = poolSeries(report.series) ?? report.series.find((series) => series.points.length > 0);
  const answer = recommendationLines(report);
  const noise = noiseSentence(report);
  return {
    title: `Sweep: pool sizes, ${format.clients(parameters.sizeClients)}`,
    provenance: [
      ...provenanceLines(report),
      `Each point: a fresh server, a warm-up of ${parameters.warmupSeconds} s and until ${parameters.warmupAnswersPerThread} answers per thread (a fresh thread's first requests run unoptimised code), ${parameters.durationSeconds} s measured with the curl-loops clients${runs}; ${format.workUnit('cpu', parameters.settings)}`,
      `Size sweeps ran ${format.clients(parameters.sizeClients)}; other settings: ${format.settings(parameters.settings)}`,
      ...(parameters.workload.handler === null
        ? []
        : [`Handler: ${parameters.workload.handler.path} (SHA-256 ${parameters.workload.handler.sha256})`]),
    ],
    answer:
      answer.length > 0 ? answer : report.series.flatMap((series) => seriesConclusions(series, report)).slice(0, 3),
    hero: hero === undefined || hero.points.length === 0 ? null : rateChart(report, hero),
    sections: [
      ...report.series.map((series) => seriesSection(report, series, series === hero)),
      {
        title: 'Prediction and fit',
        conclusion: sizingSentences(report)[0] ?? null,
        blocks: [notes(sizingSentences(report).slice(1))],
      },
      {
        title: 'Noise and self-checks',
        conclusion: noise ?? 'No point was measured beside a busy neighbour.',
        blocks: [table(noiseGuardTable(pointGroups(report), { header: 'point', of: (group) => group.variant }))],
      },
    ],
  };
}
