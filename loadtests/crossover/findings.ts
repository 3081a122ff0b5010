// The crossover report's sentences, each computed from the report's numbers. Pure.
import * as format from '../report/format.ts';
import { type Apart, apartOf, MAX_BLOCKS_PER_POINT, pairsOf, ratioOf } from './analysis.ts';
import type { Crossover, CrossoverReport, HandlerPlacement } from './model.ts';
import { bracketText, bytes, micros } from './tables.ts';

const withBody = (payloadBytes: number): string =>
  payloadBytes === 0 ? 'with no body (GET)' : `with a ${bytes(payloadBytes)} body`;

/** "pool served 1.52× inline's req/s", or "inline served 2.90× pool's req/s": the larger first. */
function leader(ratio: number | null): string {
  if (ratio === null) return 'pool and inline were not both measured';
  return ratio >= 1
    ? `pool served ${format.ratio(ratio)} inline's req/s`
    : `inline served ${format.ratio(1 / ratio)} pool's req/s`;
}

const decidedWords = (apart: Apart): string =>
  apart === 'undecided' ? 'undecided' : apart === 'equivalent' ? 'equivalent' : `${apart} ahead`;

function crossoverSentence(report: CrossoverReport, crossover: Crossover): string {
  const { cpuMicros } = report.parameters;
  const pairs = pairsOf(report.windows, cpuMicros, crossover.payloadBytes);
  const range = `${micros(cpuMicros[0]!)} to ${micros(cpuMicros.at(-1)!)}`;
  const opening = withBody(crossover.payloadBytes).replace(/^w/, 'W');
  const upper = crossover.cpuMicrosPerRequest;
  if (upper === null) {
    const last = pairs.at(-1)!;
    return `${opening}: pool was never decided ahead of inline and stayed so, at any CPU time per request from ${range}; at ${micros(last.cpuMicrosPerRequest)} ${leader(ratioOf(last))} (${decidedWords(apartOf(last))}).`;
  }
  const at = pairs.find((pair) => pair.cpuMicrosPerRequest === upper)!;
  const lower = crossover.inlineNotBehindMicros;
  const bracket =
    lower === null
      ? `at or below ${micros(upper)} of CPU per request (no lower point had inline decided ahead or equivalent)`
      : `between ${micros(lower)} and ${micros(upper)} of CPU per request`;
  const between = pairs.filter((pair) => pair.cpuMicrosPerRequest > (lower ?? -1) && pair.cpuMicrosPerRequest < upper);
  const open =
    between.length === 0
      ? ''
      : `; undecided between them: ${between.map((pair) => micros(pair.cpuMicrosPerRequest)).join(', ')}`;
  const below = lower === null ? null : pairs.find((pair) => pair.cpuMicrosPerRequest === lower);
  const belowText =
    below === undefined || below === null
      ? ''
      : `, at ${micros(lower ?? 0)} ${leader(ratioOf(below))} (${decidedWords(apartOf(below))})`;
  return `${opening}: the pool starts to pay ${bracket}: at ${micros(upper)} ${leader(ratioOf(at))} (pool ahead, and inline never ahead or equivalent above)${belowText}${open}.`;
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
      : `here ${leader(placement.poolOverInline)} (${decidedWords(placement.apart)})`;
  if (placement.cpuMicrosPerRequest === null)
    return `Your handler's CPU per request ${withBody(placement.payloadBytes)} could not be measured; ${here}.`;
  const cost = `Your handler costs ${micros(placement.cpuMicrosPerRequest)} of CPU per request ${withBody(placement.payloadBytes)}`;
  if (crossover === null || crossover === undefined)
    return `${cost}; no crossover was found in range at this body size; ${here}.`;
  const lower = report.crossovers.find((c) => c.payloadBytes === placement.payloadBytes)?.inlineNotBehindMicros ?? null;
  const side =
    placement.cpuMicrosPerRequest >= crossover
      ? 'above the crossover'
      : lower !== null && placement.cpuMicrosPerRequest <= lower
        ? 'below the crossover'
        : 'within or below the crossover';
  return `${cost}: ${side} (${bracketText({ cpuMicrosPerRequest: crossover, inlineNotBehindMicros: lower })}); ${here}.`;
}

/** The answer: per body size, one short line on where the pool starts to pay. */
export function crossoverAnswer(report: CrossoverReport): string[] {
  const { cpuMicros } = report.parameters;
  return report.crossovers.map((crossover) => {
    const opening = withBody(crossover.payloadBytes).replace(/^w/, 'W');
    const upper = crossover.cpuMicrosPerRequest;
    if (upper === null) return `${opening}: the pool was never decided ahead of inline in range.`;
    const at = pairsOf(report.windows, cpuMicros, crossover.payloadBytes).find((p) => p.cpuMicrosPerRequest === upper);
    const where =
      crossover.inlineNotBehindMicros === null
        ? `at or below ${micros(upper)}`
        : `between ${micros(crossover.inlineNotBehindMicros)} and ${micros(upper)}`;
    return `${opening}: the pool pays ${where} of CPU per request (${micros(upper)}: ${leader(at === undefined ? null : ratioOf(at))}).`;
  });
}

export function crossoverFindings(report: CrossoverReport): string[] {
  return [
    ...report.crossovers.map((c) => crossoverSentence(report, c)),
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
    `${format.clients(p.clients)}, keep-alive, one continuous loop per window; pool of ${format.plural(p.poolSize, 'thread')}; ${p.durationSeconds} s measured per window, after ${p.warmupSeconds} s of warm-up on each server's first window; both variants' servers up for each CPU point, and per body size their windows interleaved (inline, pool, pool, inline…) until their comparison was decided, ${MAX_BLOCKS_PER_POINT} runs of each, or (past the first two) the run's ${p.maxDurationSeconds} s bound.`,
    `Bodies were JSON orders of exactly the size shown, POSTed by the clients; the pool ${p.transfer === 'move' ? 'transferred each body to its worker (no copy)' : 'copied each body to its worker (--transfer clone)'}.`,
    'Servers ran with --quiet: no start/end line per request, whose write would cost both variants at thousands of requests per second.',
    `pool ÷ inline is the ratio of the geometric means of the runs, marked pool or inline where its 95% interval excludes 1 (differs), equivalent where its 90% interval lies within ±5%, unmarked while undecided; the error is spread over the ${MAX_BLOCKS_PER_POINT - 1} looks a point may take. The crossover is a bracket: from the largest point where inline was ahead or equivalent to the smallest where pool was ahead and stayed so.${failed === 0 ? '' : ` ${format.plural(failed, 'window')} could not be measured and ${failed === 1 ? 'is' : 'are'} marked failed.`}`,
  ];
}
