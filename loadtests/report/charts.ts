// The loadtest report's pictures as document charts: each in SVG for the page and, where it reads
// as text, as bars, swimlanes or a mermaid chart for the terminal and the markdown. Pure.
import type { Chart } from '../document/model.ts';
import { textBars } from '../document/phrases.ts';
import type { CpuSample } from './figures.ts';
import * as format from './format.ts';
import type { VariantRun } from './model.ts';
import { barChart } from './svg-bars.ts';
import { ganttChart } from './svg-gantt.ts';
import { lineChart } from './svg-lines.ts';
import { MARKDOWN_SWIMLANES, swimlanesOf } from './swimlanes.ts';
import { rateWithInterval } from './trust.ts';

const none = { svg: null, text: null, mermaid: null } as const;

export function throughputChart(runs: readonly VariantRun[]): Chart {
  return {
    caption: 'Requests per second (whiskers: 95% interval)',
    svg: barChart({
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
      format: format.perSecond,
    }),
    text: textBars(
      runs.map((run) => ({
        label: run.variant,
        value: run.requestsPerSecond,
        shown: `${rateWithInterval(run)} req/s`,
      })),
    ),
    mermaid: null,
  };
}

function latencyBars<Percentile extends string>(
  id: string,
  title: string,
  runs: readonly VariantRun[],
  percentiles: readonly Percentile[],
  value: (run: VariantRun, percentile: Percentile) => number | null,
  scale: 'linear' | 'log',
): Chart {
  return {
    ...none,
    caption: title,
    svg: barChart({
      id,
      title,
      axisTitle: 'latency, ms',
      categories: runs.map((run) => run.variant),
      series: percentiles.map((name) => ({ name, values: runs.map((run) => value(run, name)) })),
      scale,
      format: (ms) => `${format.ms(ms)} ms`,
    }),
  };
}

export const latencyChart = (runs: readonly VariantRun[]): Chart =>
  latencyBars(
    'latency',
    'Latency percentiles of the 2xx answers, client-side',
    runs,
    ['p50', 'p90', 'p99', 'max'] as const,
    (run, name) => run.latencyMs?.[name] ?? null,
    'linear',
  );

export const healthChart = (runs: readonly VariantRun[], intervalMs: number): Chart =>
  latencyBars(
    'health',
    `The bystander: GET /health every ${intervalMs} ms during the window`,
    runs,
    ['p50', 'p99', 'max'] as const,
    (run, name) => run.health.latencyMs?.[name] ?? null,
    'log',
  );

/** Client and thread lanes of the first seconds of the window, from the server's start/end lines. */
export function timelineChart(run: VariantRun, index: number): Chart {
  const caption = `${run.variant}: requests per client and per thread, first ${run.timeline.spanMs / 1000} s of the window`;
  if (run.target !== null && !run.target.logged)
    return { ...none, caption, text: ["(not measured: the runner did not read this server's start/end lines)"] };
  if (run.timeline.bars.length === 0)
    return { ...none, caption, text: ['(the server logged no work in the first seconds of the window)'] };
  return {
    caption,
    svg: ganttChart(`gantt-${index}`, caption, run.timeline),
    text: swimlanesOf(run, MARKDOWN_SWIMLANES),
    mermaid: null,
  };
}

/** Why a run has no CPU chart; null when it has one. */
function noCpuSamples(run: VariantRun): string | null {
  if (run.server.cpuSamples.length > 0) return null;
  const why =
    run.target !== null && run.target.pid === null
      ? 'no --target-pid'
      : 'no /proc on this system, or a window shorter than one sample';
  return `${run.variant}: no CPU samples (${why})`;
}

/** y runs from 0 to the machine's full CPU (100% per core), or higher if a sample was. */
function mermaidCpuChart(title: string, samples: readonly CpuSample[], cores: number): string {
  const top = Math.max(cores * 100, ...samples.map((sample) => Math.ceil(sample.cpuPercent)));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title.replaceAll('"', "'")}"`,
    `  x-axis "seconds into the window" [${samples.map((sample) => sample.atSeconds.toFixed(2)).join(', ')}]`,
    `  y-axis "CPU % (100 = one core)" 0 --> ${top}`,
    `  line [${samples.map((sample) => sample.cpuPercent.toFixed(0)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** A dashed rule at each whole core, so "one core busy" and "both busy" read off without arithmetic. */
const cpuChart = (title: string, samples: readonly CpuSample[], cores: number): string =>
  lineChart({
    title,
    x: { title: 'seconds since the window opened', max: Math.max(...samples.map((sample) => sample.atSeconds)) },
    y: { title: 'CPU, % of one core', max: Math.max(cores * 100, ...samples.map((sample) => sample.cpuPercent)) },
    lines: [
      {
        name: 'server CPU',
        style: 0,
        points: samples.map(({ atSeconds, cpuPercent }) => ({
          x: atSeconds,
          y: cpuPercent,
          title: `${atSeconds.toFixed(2)} s: ${cpuPercent.toFixed(0)}% CPU`,
        })),
      },
    ],
    yRules: Array.from({ length: cores }, (_, i) => ({
      at: (i + 1) * 100,
      label: format.plural(i + 1, 'core'),
      dash: '6 4',
    })),
  });

export function cpuOverTimeChart(run: VariantRun, cores: number): Chart {
  const caption = `${run.variant}: server CPU %`;
  const missing = noCpuSamples(run);
  if (missing !== null) return { ...none, caption, text: [missing] };
  return {
    caption,
    svg: cpuChart(caption, run.server.cpuSamples, cores),
    text: null,
    mermaid: mermaidCpuChart(caption, run.server.cpuSamples, cores),
  };
}
