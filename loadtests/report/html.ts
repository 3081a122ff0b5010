// Report -> one self-contained HTML page: the markdown's tables (the same cells), every finding,
// and its pictures as inline SVG. Pure: takes the report, returns text; never measures or writes.
import { clientsTable, processesTable } from './client-tables.ts';
import { findings } from './findings.ts';
import * as format from './format.ts';
import { escapeHtml, figure, htmlTable, list, page, paragraph, section } from './html-page.ts';
import {
  CALIBRATION_NOTE,
  NOISE_NOTE,
  noCpuSamples,
  provenance,
  RESULTS_NOTE,
  SERVER_NOTE,
  timelinesIntro,
  WINDOW_NOTE,
} from './markdown.ts';
import type { Report, VariantRun } from './model.ts';
import { groupByVariant } from './runs.ts';
import { barChart } from './svg-bars.ts';
import { cpuChart } from './svg-cpu.ts';
import { ganttChart } from './svg-gantt.ts';
import { limitsTable, neighboursTable, resultsTable, serverTable } from './tables.ts';
import { OVERLOAD_NOTE, overloadFindings, overloadTable } from './overload-section.ts';
import { windowTable } from './trust.ts';

/** What each chart and sentence describes: one run per variant (the median one with --repeat). */
const medians = (report: Report): VariantRun[] => groupByVariant(report).map((group) => group.shown);

function throughputChart(runs: readonly VariantRun[]): string {
  return barChart({
    id: 'rate',
    title: 'Requests per second, with 95% interval',
    axisTitle: 'answers per second (2xx, inside the window)',
    categories: runs.map((run) => run.variant),
    series: [
      {
        name: 'req/s',
        values: runs.map((run) => run.requestsPerSecond),
        intervals: runs.map((run) => run.requestsPerSecondCi95),
      },
    ],
    scale: 'linear',
    format: format.perSecond,
    missing: format.NOT_MEASURED,
  });
}

function latencyChart(runs: readonly VariantRun[]): string {
  const percentiles = ['p50', 'p90', 'p99', 'max'] as const;
  return barChart({
    id: 'latency',
    title: 'Client-side latency percentiles',
    axisTitle: 'latency, ms',
    categories: runs.map((run) => run.variant),
    series: percentiles.map((name) => ({ name, values: runs.map((run) => run.latencyMs?.[name] ?? null) })),
    scale: 'linear',
    format: (ms) => `${format.ms(ms)} ms`,
    missing: format.NOT_MEASURED,
  });
}

function healthChart(runs: readonly VariantRun[]): string {
  const percentiles = ['p50', 'p99', 'max'] as const;
  return barChart({
    id: 'health',
    title: 'Bystander GET /health latency',
    axisTitle: 'latency, ms',
    categories: runs.map((run) => run.variant),
    series: percentiles.map((name) => ({ name, values: runs.map((run) => run.health.latencyMs?.[name] ?? null) })),
    scale: 'log',
    format: (ms) => `${format.ms(ms)} ms`,
    missing: 'no probe answered',
  });
}

function timeline(run: VariantRun, index: number): string {
  const caption = `${run.variant}: requests per client and per thread, first ${run.timeline.spanMs / 1000} s of the window`;
  if (run.target !== null && !run.target.logged)
    return figure(caption, paragraph("(not measured: the runner did not read this server's start/end lines)"));
  if (run.timeline.bars.length === 0)
    return figure(caption, paragraph('(the server logged no work in the first seconds of the window)'));
  return figure(caption, ganttChart(`gantt-${index}`, caption, run.timeline));
}

function cpuOverTime(run: VariantRun, cores: number): string {
  const caption = `${run.variant}: server CPU over the window`;
  const missing = noCpuSamples(run);
  if (missing !== null) return figure(caption, paragraph(missing));
  return figure(caption, cpuChart(caption, run.server.cpuSamples, cores));
}

function excerpts(runs: readonly VariantRun[]): string {
  return runs
    .map((run) => {
      const silent =
        run.target !== null && !run.target.logged
          ? "(the runner did not read this server's output)"
          : '(the server logged no work in the window)';
      const body = run.logExcerpt.length > 0 ? run.logExcerpt.join('\n') : silent;
      return `<h3>${escapeHtml(run.variant)}</h3><pre>${escapeHtml(body)}</pre>`;
    })
    .join('');
}

/** `lead`: sections a program adds ahead of the results (make fastapi: its claim), already HTML. */
export function renderHtml(report: Report, lead: readonly string[] = []): string {
  const runs = medians(report);
  const title = `${report.scenario}: ${runs.map((run) => run.variant).join(' vs ')}`;
  const provenanceLines = provenance(report)
    .split('\n')
    .map((line) => line.replace(/^- /, ''));
  const processes = processesTable(report);
  const overload = overloadTable(report);
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    list(provenanceLines, 'provenance'),
    ...lead,
    section(
      'Results',
      htmlTable(resultsTable(report), 'results'),
      `<p class="note">${escapeHtml(RESULTS_NOTE)}</p>`,
      figure('Requests per second (whiskers: 95% interval)', throughputChart(runs)),
    ),
    ...(overload === null
      ? []
      : [
          section(
            'Goodput under overload',
            htmlTable(overload),
            paragraph(OVERLOAD_NOTE),
            list(overloadFindings(report), 'findings'),
          ),
        ]),
    section('Findings', list(findings(report), 'findings')),
    section(
      'Latency',
      figure('Latency percentiles of the 2xx answers, client-side', latencyChart(runs)),
      figure(
        `The bystander: GET /health every ${report.parameters.probeIntervalMs} ms during the window`,
        healthChart(runs),
      ),
    ),
    section(
      'Each variant over time',
      paragraph(
        `${timelinesIntro(report)} ` +
          'Client lanes: one bar per request, each client in its own fill and texture. ' +
          "Thread lanes: the requests that thread had in progress, in their client's fill and, where wide enough, with the client's number; requests that overlapped on one thread stack in rows. Hover a bar for its client and times.",
      ),
      ...runs.map(
        (run, index) =>
          `<h3>${escapeHtml(run.variant)}</h3>${timeline(run, index)}${cpuOverTime(run, report.machine.cpus)}`,
      ),
    ),
    section('The window', htmlTable(windowTable(report), 'window'), paragraph(WINDOW_NOTE)),
    section('What the server lived through', htmlTable(serverTable(report)), paragraph(SERVER_NOTE)),
    section('Noise guard', htmlTable(neighboursTable(report)), paragraph(NOISE_NOTE)),
    section('Physical limits', htmlTable(limitsTable(report)), paragraph(CALIBRATION_NOTE)),
    section('Clients', htmlTable(clientsTable(report))),
    ...(processes.rows.length > 0 ? [section('Processes', htmlTable(processes))] : []),
    section('Server log, first lines of the measured window', excerpts(runs)),
  ].join('\n');
  return page(title, body);
}
