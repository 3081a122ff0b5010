// Figure 6 as bars: each server's median start-up and first answers, the whiskers its fastest and
// slowest start, so a reader sees both the cost of a variant and how much it varied.
import * as format from '../loadtests/report/format.ts';
import { type Chart, svgChart } from '../loadtests/document/model.ts';
import { median } from '../loadtests/stats/percentile.ts';
import { barChart } from '../loadtests/report/svg-bars.ts';
import type { BenchReport } from './model.ts';

const spread = (values: readonly number[]): readonly [number, number] => [Math.min(...values), Math.max(...values)];

export function startupChart(report: BenchReport): Chart {
  const starts = Math.max(...report.startup.map((row) => row.startupMs.length));
  const caption = `Figure 6: spawn to listening line and to the first answers, median of ${format.plural(starts, 'start')} (whiskers: fastest to slowest)`;
  return svgChart(
    caption,
    barChart({
      id: 'startup',
      title: caption,
      axisTitle: 'ms from spawn',
      categories: report.startup.map((row) => row.server),
      series: [
        {
          name: 'listening',
          values: report.startup.map((row) => median(row.startupMs)),
          intervals: report.startup.map((row) => spread(row.startupMs)),
        },
        {
          name: 'first answers',
          values: report.startup.map((row) => median(row.firstAnswersMs)),
          intervals: report.startup.map((row) => spread(row.firstAnswersMs)),
        },
      ],
      format: (ms) => `${format.ms(ms)} ms`,
    }),
  );
}
