// The crossover report's tables as plain cells: the terminal, the markdown and the HTML page
// render the same ones. Pure.
import * as format from '../report/format.ts';
import { type Table, tableFrom } from '../document/model.ts';
import { rateWithInterval } from '../report/trust.ts';
import { type Apart, apartOf, handlerPair, pairsOf, type Pair, ratioOf } from './analysis.ts';
import type { Crossover, CrossoverReport, HandlerPlacement, MeasuredWindow } from './model.ts';

/** 3 µs, 300 µs, 1.0 ms, 30 ms: µs below a millisecond, ms above. */
export function micros(value: number): string {
  if (value >= 1000) return `${format.ms(value / 1000)} ms`;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} µs`;
}

/** 0 B, 1 KiB, 64 KiB, 1 MiB. */
export function bytes(value: number): string {
  if (value >= 2 ** 20 && value % 2 ** 20 === 0) return `${value / 2 ** 20} MiB`;
  if (value >= 1024 && value % 1024 === 0) return `${value / 1024} KiB`;
  return `${format.count(value)} B`;
}

/** "1.85× pool": the ratio, and the decision of its runs' comparison (nothing while undecided). */
export function ratioCell(ratio: number | null, apart: Apart): string {
  if (ratio === null) return format.NOT_MEASURED;
  return apart === 'undecided' ? format.ratio(ratio) : `${format.ratio(ratio)} ${apart}`;
}

/** "1.0 ms – 10.0 ms": where the pool starts to pay; "≤ 10.0 ms" with no decided point below; "not in range". */
export function bracketText(crossover: Pick<Crossover, 'cpuMicrosPerRequest' | 'inlineNotBehindMicros'>): string {
  if (crossover.cpuMicrosPerRequest === null) return 'not in range';
  const upper = micros(crossover.cpuMicrosPerRequest);
  return crossover.inlineNotBehindMicros === null
    ? `≤ ${upper}`
    : `${micros(crossover.inlineNotBehindMicros)} – ${upper}`;
}

/** One run: its rate and interval; several: each run's rate, in the order measured. */
const rate = (runs: readonly MeasuredWindow[]): string => {
  if (runs.length === 0) return 'failed';
  if (runs.length === 1 && runs[0] !== undefined) return rateWithInterval(runs[0]);
  return runs.map((run) => format.perSecond(run.requestsPerSecond)).join(', ');
};
const optionalMs = (value: number | null | undefined): string =>
  value === null || value === undefined ? format.MISSING : format.ms(value);
const optionalMicros = (value: number | null | undefined): string =>
  value === null || value === undefined ? format.MISSING : micros(value);
const served = (window: MeasuredWindow | null): string =>
  window === null ? '–' : `${window.servedByServer ?? format.NOT_MEASURED} / ${window.requests}`;
const failures = (pair: Pick<Pair, 'inline' | 'pool'>): string =>
  `${pair.inline?.failedRequests ?? '–'} / ${pair.pool?.failedRequests ?? '–'}`;

/** Rows: the loop's CPU time per request; columns: pool ÷ inline at each body size. */
export function ratioTable(report: CrossoverReport): Table {
  const { cpuMicros, payloads } = report.parameters;
  const byPayload = payloads.map((payloadBytes) => pairsOf(report.windows, cpuMicros, payloadBytes));
  return tableFrom<number>(
    cpuMicros.map((_, i) => i),
    [
      { header: 'CPU per request', cell: (i) => micros(cpuMicros[i]!) },
      ...payloads.map((payloadBytes, p) => ({
        header: `pool ÷ inline, ${bytes(payloadBytes)}`,
        cell: (i: number) => ratioCell(ratioOf(byPayload[p]![i]!), apartOf(byPayload[p]![i]!)),
      })),
    ],
  );
}

/** Every point at every body size, with both variants' runs and the decision; single-window figures of the first run. */
export function detailTable(report: CrossoverReport): Table {
  const { cpuMicros, payloads } = report.parameters;
  const pairs = payloads.flatMap((payloadBytes) => pairsOf(report.windows, cpuMicros, payloadBytes));
  return tableFrom<Pair>(pairs, [
    { header: 'body', cell: (pair) => bytes(pair.payloadBytes) },
    { header: 'CPU per request (loop)', cell: (pair) => micros(pair.cpuMicrosPerRequest) },
    { header: 'inline req/s (±95% of one run; each run)', cell: (pair) => rate(pair.inlineRuns) },
    { header: 'pool req/s (±95% of one run; each run)', cell: (pair) => rate(pair.poolRuns) },
    { header: 'pool ÷ inline (decided)', cell: (pair) => ratioCell(ratioOf(pair), apartOf(pair)) },
    { header: 'inline /health p99 ms', cell: (pair) => optionalMs(pair.inline?.healthP99Ms) },
    { header: 'pool /health p99 ms', cell: (pair) => optionalMs(pair.pool?.healthP99Ms) },
    {
      header: 'server CPU per request (inline)',
      cell: (pair) => optionalMicros(pair.inline?.serverCpuMicrosPerRequest),
    },
    { header: 'failed: inline / pool', cell: failures },
    { header: 'served, server / clients: inline', cell: (pair) => served(pair.inline) },
    { header: 'served, server / clients: pool', cell: (pair) => served(pair.pool) },
  ]);
}

/** The crossover and the bystander's bounds per body size. */
export function crossoverTable(report: CrossoverReport): Table {
  const at = (value: number | null): string => (value === null ? 'not in range' : micros(value));
  const thresholds = (payloadBytes: number) => report.healthThresholds.filter((t) => t.payloadBytes === payloadBytes);
  return tableFrom<Crossover>(report.crossovers, [
    { header: 'body', cell: (crossover) => bytes(crossover.payloadBytes) },
    { header: 'crossover: pool starts to pay', cell: bracketText },
    ...thresholds(report.parameters.payloads[0]!).map((first, i) => ({
      header: `inline /health p99 > ${first.thresholdMs} ms from`,
      cell: (crossover: Crossover) => {
        const threshold = thresholds(crossover.payloadBytes)[i];
        return threshold === undefined ? '' : at(threshold.cpuMicrosPerRequest);
      },
    })),
  ]);
}

/** The user's handler at each body size; null without --handler. */
export function handlerTable(report: CrossoverReport): Table | null {
  if (report.handler === null) return null;
  const pair = (placement: HandlerPlacement) => handlerPair(report.windows, placement.payloadBytes);
  return tableFrom<HandlerPlacement>(report.handler, [
    { header: 'body', cell: (placement) => bytes(placement.payloadBytes) },
    { header: 'handler CPU per request', cell: (placement) => optionalMicros(placement.cpuMicrosPerRequest) },
    { header: 'inline req/s ±95%', cell: (placement) => rate(pair(placement).inlineRuns) },
    { header: 'pool req/s ±95%', cell: (placement) => rate(pair(placement).poolRuns) },
    { header: 'pool ÷ inline', cell: (placement) => ratioCell(placement.poolOverInline, placement.apart) },
    { header: 'failed: inline / pool', cell: (placement) => failures(pair(placement)) },
  ]);
}
