// A loadtest report as the one document every command builds: the answer, the hero chart (req/s
// with intervals), then one section per question, its evidence folded. Pure: report in, document out.
import { chart, details, notes, type ReportDocument, type Section, table, titleOf } from '../document/model.ts';
import { loadtestAnswer } from './answer.ts';
import { cpuOverTimeChart, healthChart, latencyChart, throughputChart, timelineChart } from './charts.ts';
import { clientsTable, processesTable } from './client-tables.ts';
import { FOREIGN_CPU_LIMIT_PERCENT, findingGroups, UNEVEN_FAIRNESS } from './findings.ts';
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { reportProvenance } from './provenance-lines.ts';
import {
  CALIBRATION_NOTE,
  NOISE_NOTE,
  RESULTS_NOTE,
  SERVER_NOTE,
  timelinesIntro,
  WINDOW_NOTE,
} from './report-notes.ts';
import { groupByVariant, rowGroups } from './runs.ts';
import { OVERLOAD_NOTE, overloadFindings, overloadTable } from './overload-section.ts';
import { limitsTable, neighboursTable, resultsTable, serverTable } from './tables.ts';
import { windowTable } from './trust.ts';

function excerpt(run: VariantRun): string[] {
  if (run.logExcerpt.length > 0) return [`${run.variant}:`, ...run.logExcerpt, ''];
  const silent =
    run.target !== null && !run.target.logged
      ? "(the runner did not read this server's output)"
      : '(the server logged no work in the window)';
  return [`${run.variant}:`, silent, ''];
}

function title(report: Report): string {
  const names = rowGroups(report).map((group) => group.variant);
  const clients = format.clients(report.parameters.connections);
  return titleOf(
    `${report.scenario}, ${clients}: ${names.join(', ')}`,
    `${report.scenario}, ${clients}: ${names.length} rows`,
  );
}

/** The sections, each led by its conclusion: the first finding on its question, or what was checked. */
export function loadtestSections(report: Report, answer: readonly string[]): Section[] {
  const shown = groupByVariant(report).map((group) => group.shown);
  const summaries = groupByVariant(report).map((group) => group.summary);
  const found = findingGroups(report);
  const cores = report.machine.cpus;
  const processes = processesTable(report);
  const overload = overloadTable(report);
  const overloadFound = overloadFindings(report);
  return [
    {
      title: 'Throughput',
      conclusion: answer[0] ?? null,
      blocks: [table(resultsTable(report), 'results'), notes([RESULTS_NOTE, ...found.throughput])],
    },
    ...(overload === null
      ? []
      : [
          {
            title: 'Goodput under overload',
            conclusion: overloadFound[0] ?? null,
            blocks: [table(overload, 'overload'), notes([OVERLOAD_NOTE, ...overloadFound.slice(1)])],
          },
        ]),
    {
      title: 'Responsiveness',
      conclusion: answer[1] ?? null,
      blocks: [
        chart(healthChart(summaries, report.parameters.probeIntervalMs)),
        notes(found.responsiveness),
        details('Latency percentiles of every variant', [chart(latencyChart(summaries))]),
      ],
    },
    {
      title: 'Cores used',
      conclusion: found.cores[0] ?? null,
      blocks: [
        table(serverTable(report), 'server'),
        notes([SERVER_NOTE, ...found.cores.slice(1)]),
        details(
          'CPU over time',
          shown.map((run) => chart(cpuOverTimeChart(run, cores))),
        ),
        ...(processes.rows.length > 0 ? [details('Requests per process', [table(processes)])] : []),
      ],
    },
    {
      title: 'Fairness',
      conclusion:
        found.fairness[0] ??
        `Every variant served its clients evenly (fewest ÷ most served at least ${format.share(UNEVEN_FAIRNESS)}).`,
      blocks: [
        notes(found.fairness.slice(1)),
        details('Answers per client', [table(clientsTable(report))]),
        details('Timelines', [notes([timelinesIntro(report)]), ...shown.map((run, i) => chart(timelineChart(run, i)))]),
      ],
    },
    {
      title: 'Noise and self-checks',
      conclusion:
        found.flags.length === 0
          ? `No self-check flagged a row: the server's count agrees with the clients', no window hit its bound, and no other process used over ${FOREIGN_CPU_LIMIT_PERCENT}% of a core.`
          : `${format.plural(found.flags.length, 'self-check')} flagged a row: read them before the figures.`,
      blocks: [
        // How some rows were measured (--target, Locust, --until-decided's stop): said, not folded.
        notes([...found.flags, ...report.notes, ...found.checks]),
        table(windowTable(report), 'window'),
        notes([WINDOW_NOTE]),
        details('Noise guard', [table(neighboursTable(report)), notes([NOISE_NOTE])]),
        details('Physical limits', [table(limitsTable(report)), notes([CALIBRATION_NOTE])]),
        details('Server log, first lines of the measured window', [
          { kind: 'notes', lines: shown.flatMap(excerpt), code: true },
        ]),
      ],
    },
  ];
}

export function loadtestDocument(report: Report): ReportDocument {
  const answer = loadtestAnswer(report);
  const summaries = groupByVariant(report).map((group) => group.summary);
  return {
    title: title(report),
    provenance: reportProvenance(report),
    answer,
    hero: summaries.length === 0 ? null : throughputChart(summaries),
    sections: loadtestSections(report, answer),
  };
}
