// The claim's charts: req/s and p50 against the client count for each model, drawn with the
// report's own bar charts. Pure: rows in, document charts out.
import type { Chart } from '../loadtests/document/model.ts';
import { textBars } from '../loadtests/document/phrases.ts';
import * as format from '../loadtests/report/format.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { barChart } from '../loadtests/report/svg-bars.ts';
import { rateWithInterval } from '../loadtests/report/trust.ts';
import { modelsOf, runsOf } from './claim-text.ts';
import { modelOf } from './rows.ts';

const countsOf = (runs: readonly VariantRun[]): number[] =>
  [...new Set(runs.map((run) => run.connections))].sort((a, b) => a - b);

interface Metric {
  readonly id: string;
  readonly title: string;
  readonly axisTitle: string;
  readonly value: (run: VariantRun) => number | null;
  readonly interval?: (run: VariantRun) => readonly [number, number] | null;
  readonly unit: (value: number) => string;
}

/** One group of bars per model, one bar per client count, on a log axis: the counts span decades. */
function perClients(runs: readonly VariantRun[], metric: Metric): string {
  const models = modelsOf(runs);
  const at = (model: string, clients: number) => runsOf(runs, model).find((run) => run.connections === clients);
  const cell = <T>(model: string, clients: number, of: (run: VariantRun) => T): T | null => {
    const run = at(model, clients);
    return run === undefined ? null : of(run);
  };
  return barChart({
    id: metric.id,
    title: metric.title,
    axisTitle: metric.axisTitle,
    categories: models,
    series: countsOf(runs).map((clients) => ({
      name: format.clients(clients),
      values: models.map((model) => cell(model, clients, metric.value)),
      intervals: models.map((model) => cell(model, clients, metric.interval ?? (() => null))),
    })),
    scale: 'log',
    format: metric.unit,
  });
}

/** req/s against the client count, per model; as text, each model's bar at the most clients measured. */
/** `id`: unique on the page; the hero draws the same chart at one client count. */
export function claimRateChart(runs: readonly VariantRun[], id = 'claim-rate'): Chart {
  const most = countsOf(runs).at(-1);
  const atMost = modelsOf(runs).flatMap((model) => runsOf(runs, model).filter((run) => run.connections === most));
  return {
    caption: `Requests per second at ${countsOf(runs).map(format.clients).join(', ')}, per model (whiskers: 95% interval)`,
    svg: perClients(runs, {
      id,
      title: 'req/s by clients',
      axisTitle: 'answers per second (2xx, inside the window)',
      value: (run) => run.requestsPerSecond,
      interval: (run) => run.requestsPerSecondCi95,
      unit: format.perSecond,
    }),
    text: [
      `req/s at ${format.clients(most ?? 0)}:`,
      ...textBars(
        atMost.map((run) => ({
          label: modelOf(run.variant),
          value: run.requestsPerSecond,
          shown: rateWithInterval(run),
        })),
      ),
    ],
    mermaid: null,
  };
}

export function claimLatencyChart(runs: readonly VariantRun[]): Chart {
  return {
    caption: 'Median latency against clients, per model',
    svg: perClients(runs, {
      id: 'claim-p50',
      title: 'p50 by clients',
      axisTitle: 'p50 latency, ms',
      value: (run) => run.latencyMs?.p50 ?? null,
      unit: (ms) => `${format.ms(ms)} ms`,
    }),
    text: null,
    mermaid: null,
  };
}
