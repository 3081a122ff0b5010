// The bench report's charts: each figure's ratio against its target as bars with the target marked,
// and the figures' own charts, as document charts (SVG only). Pure.
import * as format from '../loadtests/report/format.ts';
import { type Chart, svgChart } from '../loadtests/document/model.ts';
import { barChart } from '../loadtests/report/svg-bars.ts';
import { type MarkedBar, markedBarChart, type Verdict } from '../loadtests/report/svg-marks.ts';
import type { Comparison } from './comparison.ts';
import type { BenchReport } from './model.ts';
import type { SectionId } from './sections.ts';
import { amount, outcomeCell, targetCell } from './tables.ts';
import { measuredWindows } from './target-values.ts';
import { startupChart } from './startup-chart.ts';

const VERDICT: Record<Comparison['outcome']['state'], Verdict> = {
  met: 'met',
  missed: 'missed',
  'no-target': 'no target',
};

const labelOf = (row: Comparison): string => `figure ${row.figure}: ${row.what}`;
const verdictText = (row: Comparison): string =>
  `target ${targetCell(row.target, row.unit)}: ${outcomeCell(row.outcome, row)}`;

type ChartKind = 'ratio' | 'value' | 'reference';

interface PlannedChart {
  readonly kind: ChartKind;
  readonly caption: string;
  readonly axis: string;
  readonly bars: MarkedBar[];
}

/** Targets first, then the figures judged by a limit, then the rest against their reference. */
const KIND_ORDER: readonly ChartKind[] = ['ratio', 'value', 'reference'];

/** Every comparison row lands in one chart: by its kind of target, and value targets by unit. */
function comparisonCharts(rows: readonly Comparison[]): Chart[] {
  const charts: PlannedChart[] = [];
  const chartFor = (kind: ChartKind, caption: string, axis: string): MarkedBar[] => {
    const found = charts.find((chart) => chart.caption === caption);
    if (found !== undefined) return found.bars;
    const chart = { kind, caption, axis, bars: [] };
    charts.push(chart);
    return chart.bars;
  };
  for (const row of rows) {
    const verdict = VERDICT[row.outcome.state];
    if (row.target?.kind === 'ratio-at-least') {
      chartFor('ratio', 'Ratios against their targets (dashed: the target)', 'measured as % of its reference').push({
        label: `${labelOf(row)}; ${verdictText(row)}`,
        value: row.ratio * 100,
        mark: row.target.min * 100,
        valueText: `${(row.ratio * 100).toFixed(1)}%`,
        verdict,
      });
    } else if (row.target?.kind === 'ratio-at-most' || row.target?.kind === 'ratio-within') {
      const caption = 'Costs against their bound, × the reference (dashed: the most allowed)';
      chartFor('ratio', caption, '× the reference').push({
        label: `${labelOf(row)}; ${verdictText(row)}`,
        value: row.ratio,
        mark: row.target.max,
        valueText: format.ratio(row.ratio),
        verdict,
      });
    } else if (row.target?.kind === 'value-below') {
      chartFor('value', `Values in ${row.unit} against their limits (dashed: the limit)`, row.unit).push({
        label: `${labelOf(row)}; ${verdictText(row)}`,
        value: row.measured,
        mark: row.target.max,
        valueText: `${amount(row.measured)} ${row.unit}`,
        verdict,
      });
    } else {
      const caption = 'Figures without a target, against their reference (dashed: 1×, the reference)';
      chartFor('reference', caption, '× the reference').push({
        label: `${labelOf(row)}, against ${row.referenceName}: ${amount(row.measured)} vs ${amount(row.reference)} ${row.unit}`,
        value: row.ratio,
        mark: 1,
        valueText: format.ratio(row.ratio),
        verdict,
      });
    }
  }
  const ordered = [...charts].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return ordered.map((chart, i) =>
    svgChart(
      chart.caption,
      markedBarChart({
        id: `ratios-${i}`,
        title: chart.caption,
        axisTitle: chart.axis,
        bars: chart.bars,
        scale: chart.kind === 'reference' ? 'log' : 'linear',
      }),
    ),
  );
}

function frameworkChart(report: BenchReport): Chart {
  const caption = 'Figure 1: req/s of each run, in the order run (alternated pairs)';
  const runs = report.framework.runs;
  return svgChart(
    caption,
    barChart({
      id: 'framework',
      title: caption,
      axisTitle: 'answers per second on /health',
      categories: runs.map((run) => `pair ${run.pair}, ${run.server === 'hono' ? 'Hono' : 'bare'}`),
      series: [{ name: 'req/s', values: runs.map((run) => run.load.requestsPerSecond) }],
      format: format.perSecond,
    }),
  );
}

function dispatchChart(report: BenchReport): Chart {
  const caption = 'Figure 2: round-trip of a no-op task, median and p99';
  const { series } = report.dispatch;
  return svgChart(
    caption,
    barChart({
      id: 'dispatch',
      title: caption,
      axisTitle: 'round-trip, µs',
      categories: series.map(
        (one) => `${one.path === 'direct' ? 'direct' : `pool, ${one.atomics}`} ×${one.concurrency}`,
      ),
      series: [
        { name: 'median', values: series.map((one) => one.medianUs) },
        { name: 'p99', values: series.map((one) => one.p99Us) },
      ],
      scale: 'log',
      format: (us) => `${amount(us)} µs`,
    }),
  );
}

function windowsChart(report: BenchReport): Chart {
  const caption = 'Figure 5: who used the CPU in each measured window';
  const windows = measuredWindows(report);
  return svgChart(
    caption,
    barChart({
      id: 'windows',
      title: caption,
      axisTitle: `CPU, % of one core (${report.machine.cpus * 100}% = all cores)`,
      categories: windows.map((window) => window.name),
      series: [
        { name: 'server', values: windows.map((window) => window.cpu.serverCpuPercent) },
        { name: 'generator', values: windows.map((window) => window.cpu.generatorCpuPercent) },
        { name: 'others', values: windows.map((window) => window.cpu.foreignCpuPercent) },
      ],
      format: (percent) => `${percent.toFixed(0)}%`,
    }),
  );
}

/** Each section's charts, by its id: what the page draws beside its table. */
export function sectionCharts(report: BenchReport, rows: readonly Comparison[]): Record<SectionId, Chart[]> {
  return {
    ratios: comparisonCharts(rows),
    framework: [frameworkChart(report)],
    dispatch: [dispatchChart(report)],
    limits: [],
    windows: [windowsChart(report)],
    startup: [startupChart(report)],
  };
}
