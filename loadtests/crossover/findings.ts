// The crossover report's sentences, each computed from the report's numbers. Pure.
import * as format from '../report/format.ts';
import { apartOf, type Pair, pairsOf, ratioOf } from './analysis.ts';
import type { CrossoverReport, HandlerPlacement } from './model.ts';
import { bytes, micros } from './tables.ts';

const withBody = (payloadBytes: number): string =>
  payloadBytes === 0 ? 'with no body (GET)' : `with a ${bytes(payloadBytes)} body`;

const ratioText = (ratio: number | null): string => (ratio === null ? 'not measured' : format.ratio(ratio));

/** "pool served 1.52× inline's req/s", or "inline served 2.90× pool's req/s": the larger first. */
function leader(ratio: number | null): string {
  if (ratio === null) return 'pool and inline were not both measured';
  return ratio >= 1
    ? `pool served ${format.ratio(ratio)} inline's req/s`
    : `inline served ${format.ratio(1 / ratio)} pool's req/s`;
}

function crossoverSentence(report: CrossoverReport, payloadBytes: number, crossover: number | null): string {
  const { cpuMicros } = report.parameters;
  const pairs = pairsOf(report.windows, cpuMicros, payloadBytes);
  const range = `${micros(cpuMicros[0]!)} to ${micros(cpuMicros.at(-1)!)}`;
  const opening = withBody(payloadBytes).replace(/^w/, 'W');
  if (crossover === null) {
    const last = pairs.at(-1)!;
    const lastApart = apartOf(last);
    const there = lastApart === 'overlap' ? 'their intervals overlap' : `${lastApart} served more`;
    return `${opening}: pool never served more than inline beyond their intervals at any CPU time per request from ${range}; at ${micros(last.cpuMicrosPerRequest)} ${leader(ratioOf(last))} (${there}).`;
  }
  const at = pairs.find((pair) => pair.cpuMicrosPerRequest === crossover)!;
  const below = pairs.filter((pair) => pair.cpuMicrosPerRequest < crossover);
  const inlineAhead = below.filter((pair) => apartOf(pair) === 'inline');
  const belowText =
    below.length === 0
      ? 'no lower point was measured'
      : inlineAhead.length === 0
        ? 'below it the two could not be told apart'
        : `below it inline served more at ${format.plural(inlineAhead.length, 'point')} (up to ${ratioText(1 / Math.min(...inlineAhead.map((pair) => ratioOf(pair) ?? 1)))} pool's req/s)`;
  const above = pairs.filter((pair) => pair.cpuMicrosPerRequest > crossover);
  const relapses = above.filter((pair) => apartOf(pair) !== 'pool');
  const aboveText =
    above.length === 0
      ? 'and no higher point was measured'
      : relapses.length === 0
        ? 'and pool stayed ahead at every point above it'
        : `but not at ${relapses.map((pair) => `${micros(pair.cpuMicrosPerRequest)} (${apartOf(pair) === 'overlap' ? 'intervals overlap' : 'inline ahead'})`).join(', ')}`;
  const where = bracket(below, crossover);
  return `${opening}: the pool starts to pay ${where} of CPU per request; at ${micros(crossover)} ${leader(ratioOf(at))} beyond both intervals; ${belowText}, ${aboveText}.`;
}

/** The crossover lies between the last point measured below it and the first where the pool was ahead. */
function bracket(below: readonly Pair[], crossover: number): string {
  const previous = below.at(-1);
  return previous === undefined
    ? `at or below ${micros(crossover)}`
    : `between ${micros(previous.cpuMicrosPerRequest)} and ${micros(crossover)}`;
}

/** The answer: per body size, one short line on where the pool starts to pay. */
export function crossoverAnswer(report: CrossoverReport): string[] {
  const { cpuMicros } = report.parameters;
  return report.crossovers.map(({ payloadBytes, cpuMicrosPerRequest: crossover }) => {
    const pairs = pairsOf(report.windows, cpuMicros, payloadBytes);
    const opening = withBody(payloadBytes).replace(/^w/, 'W');
    if (crossover === null) return `${opening}: the pool never served more than inline beyond their intervals.`;
    const at = pairs.find((pair) => pair.cpuMicrosPerRequest === crossover);
    const where = bracket(
      pairs.filter((pair) => pair.cpuMicrosPerRequest < crossover),
      crossover,
    );
    return `${opening}: the pool pays ${where} of CPU per request (${micros(crossover)}: ${leader(at === undefined ? null : ratioOf(at))}).`;
  });
}

function healthSentence(report: CrossoverReport, payloadBytes: number): string {
  const passes = report.healthThresholds.filter((t) => t.payloadBytes === payloadBytes);
  const parts = passes.map((t) =>
    t.cpuMicrosPerRequest === null
      ? `stayed under ${t.thresholdMs} ms at every point`
      : `passed ${t.thresholdMs} ms from ${micros(t.cpuMicrosPerRequest)} of CPU per request`,
  );
  return `Inline's bystander GET /health p99 ${withBody(payloadBytes)} ${parts.join(' and ')}.`;
}

function handlerSentence(report: CrossoverReport, placement: HandlerPlacement): string {
  const crossover = report.crossovers.find((c) => c.payloadBytes === placement.payloadBytes)?.cpuMicrosPerRequest;
  const here =
    placement.poolOverInline === null
      ? 'pool and inline were not both measured here'
      : `here ${leader(placement.poolOverInline)}${placement.apart === 'overlap' ? ' (their intervals overlap: not distinguishable)' : ''}`;
  if (placement.cpuMicrosPerRequest === null)
    return `Your handler's CPU per request ${withBody(placement.payloadBytes)} could not be measured; ${here}.`;
  const cost = `Your handler costs ${micros(placement.cpuMicrosPerRequest)} of CPU per request ${withBody(placement.payloadBytes)}`;
  if (crossover === null || crossover === undefined)
    return `${cost}; no crossover was found in range at this body size; ${here}.`;
  const side = placement.cpuMicrosPerRequest >= crossover ? 'above' : 'below';
  return `${cost}: ${side} the crossover (${micros(crossover)}); ${here}.`;
}

export function crossoverFindings(report: CrossoverReport): string[] {
  return [
    ...report.crossovers.map((c) => crossoverSentence(report, c.payloadBytes, c.cpuMicrosPerRequest)),
    ...report.parameters.payloads.map((payloadBytes) => healthSentence(report, payloadBytes)),
    ...(report.handler ?? []).map((placement) => handlerSentence(report, placement)),
  ];
}

/** How the run was made, in sentences: for the report's opening. */
export function methodLines(report: CrossoverReport): string[] {
  const p = report.parameters;
  const failed = report.windows.filter((w) => w.state === 'failed').length;
  return [
    `The loop ran ${format.count(Math.round(p.iterationsPerMicrosecond))} increments per µs of CPU (calibrated in the runner before any server started); each point's loop was sized from it.`,
    `${format.clients(p.clients)}, keep-alive, one continuous loop per window; pool of ${format.plural(p.poolSize, 'thread')}; ${p.warmupSeconds} s warm-up and ${p.durationSeconds} s measured per window; one server per variant and CPU point, one window per body size on it.`,
    `Bodies were JSON orders of exactly the size shown, POSTed by the clients; the pool ${p.transfer === 'move' ? 'transferred each body to its worker (no copy)' : 'copied each body to its worker (--transfer clone)'}.`,
    'Servers ran with --quiet: no start/end line per request, whose write would cost both variants at thousands of requests per second.',
    `A ratio marked pool or inline is beyond both 95% intervals (batch means); unmarked, the run cannot tell them apart.${failed === 0 ? '' : ` ${format.plural(failed, 'window')} could not be measured and ${failed === 1 ? 'is' : 'are'} marked failed.`}`,
  ];
}
