// The sweep report as one self-contained HTML page, from the same report value as the markdown:
// the conclusions, per series a chart of req/s (runs, medians, fit, bound, knees) and of p99, and
// the table of the markdown. Pure: report -> string.
import { figure, htmlTable, list, page, section } from '../report/html-page.ts';
import { provenanceLines } from '../report/provenance-lines.ts';
import { conclusions } from './conclusions.ts';
import type { SweepReport } from './model.ts';
import { seriesTable } from './render.ts';
import { latencyChart, throughputChart } from './svg-sweep.ts';

export function renderSweepHtml(report: SweepReport): string {
  const series = report.series
    .filter((one) => one.points.length > 0)
    .map((one) => {
      const latency = latencyChart(one);
      return section(
        `${one.variant} by ${one.axis}`,
        figure(`${one.variant}: requests per second by ${one.axis}`, throughputChart(report, one)),
        ...(latency === null ? [] : [figure(`${one.variant}: p99 latency by ${one.axis}`, latency)]),
        htmlTable(seriesTable(one, report), 'points'),
      );
    });
  const body = [
    '<h1>Sweep: pool sizes</h1>',
    list(
      provenanceLines(report).map((line) => line.replace(/^- /, '')),
      'provenance',
    ),
    section('Conclusions', list(conclusions(report), 'findings')),
    ...series,
  ].join('\n');
  return page(`Sweep ${report.dateUtc}`, body);
}
