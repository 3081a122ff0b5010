// What the windows say, computed: pool ÷ inline per point from its interleaved runs, decided by a
// three-outcome comparison; the crossover per body size as a bracket; where inline's bystander
// passes 10 and 100 ms, and where a --handler falls. Pure arithmetic.
import { compareReplicates, type ReplicateComparison } from '../decide/replicates.ts';
import { looksOf } from '../decide/stopping.ts';
import type {
  Crossover,
  CrossoverVariant,
  CrossoverWindow,
  HandlerPlacement,
  HealthThreshold,
  MeasuredWindow,
} from './model.ts';

/** The bystander bounds the report names: a page that waits this long feels it. */
export const HEALTH_THRESHOLDS_MS = [10, 100] as const;
/** Most blocks (inline and pool once each, A B then B A…) per point: the bound each point stops at. */
export const MAX_BLOCKS_PER_POINT = 4;

export type Apart = HandlerPlacement['apart'];

/** One loop point at one body size: the windows of each variant (its runs), in the order measured. */
export interface Pair {
  readonly cpuMicrosPerRequest: number;
  readonly payloadBytes: number;
  /** The first run of each: its single-window figures (bystander, CPU, counts). */
  readonly inline: MeasuredWindow | null;
  readonly pool: MeasuredWindow | null;
  readonly inlineRuns: readonly MeasuredWindow[];
  readonly poolRuns: readonly MeasuredWindow[];
}

const isLoop = (window: CrossoverWindow, cpuMicros: number): boolean =>
  window.work.kind === 'loop' && window.work.cpuMicrosPerRequest === cpuMicros;

function runsOf(
  windows: readonly CrossoverWindow[],
  variant: CrossoverVariant,
  payloadBytes: number,
  matches: (window: CrossoverWindow) => boolean,
): MeasuredWindow[] {
  return windows.filter(
    (w): w is MeasuredWindow =>
      w.state === 'measured' && w.variant === variant && w.payloadBytes === payloadBytes && matches(w),
  );
}

function pairOf(
  windows: readonly CrossoverWindow[],
  payloadBytes: number,
  matches: (window: CrossoverWindow) => boolean,
): Omit<Pair, 'cpuMicrosPerRequest'> {
  const inlineRuns = runsOf(windows, 'inline', payloadBytes, matches);
  const poolRuns = runsOf(windows, 'pool', payloadBytes, matches);
  return { payloadBytes, inline: inlineRuns[0] ?? null, pool: poolRuns[0] ?? null, inlineRuns, poolRuns };
}

/** The loop points of one body size, ascending in CPU time. */
export function pairsOf(
  windows: readonly CrossoverWindow[],
  cpuMicros: readonly number[],
  payloadBytes: number,
): Pair[] {
  return [...cpuMicros]
    .sort((a, b) => a - b)
    .map((cpuMicrosPerRequest) => ({
      cpuMicrosPerRequest,
      ...pairOf(windows, payloadBytes, (w) => isLoop(w, cpuMicrosPerRequest)),
    }));
}

/** The handler's windows at one body size. */
export function handlerPair(
  windows: readonly CrossoverWindow[],
  payloadBytes: number,
): Omit<Pair, 'cpuMicrosPerRequest'> {
  return pairOf(windows, payloadBytes, (w) => w.work.kind === 'handler');
}

type Runs = Pick<Pair, 'inlineRuns' | 'poolRuns'>;

/** pool ÷ inline req/s over the runs (b ÷ a), with the looks the run's bound allows; null when a side has no run. */
export function comparisonOf(pair: Runs): ReplicateComparison | null {
  const rates = (runs: readonly MeasuredWindow[]) =>
    runs.map((run) => run.requestsPerSecond).filter((rate) => rate > 0);
  if (rates(pair.inlineRuns).length === 0 || rates(pair.poolRuns).length === 0) return null;
  return compareReplicates(
    { label: 'inline', values: rates(pair.inlineRuns) },
    { label: 'pool', values: rates(pair.poolRuns) },
    { metric: 'req/s', looks: looksOf(MAX_BLOCKS_PER_POINT) },
  );
}

/** pool ÷ inline req/s (geometric means of the runs); null when either is missing or inline served nothing. */
export function ratioOf(pair: Runs): number | null {
  return comparisonOf(pair)?.ratio ?? null;
}

/** Which served more (differs), equivalent within the margin, or undecided (inconclusive, or a side missing). */
export function apartOf(pair: Runs): Apart {
  const comparison = comparisonOf(pair);
  if (comparison === null || comparison.outcome === 'inconclusive') return 'undecided';
  if (comparison.outcome === 'equivalent') return 'equivalent';
  return comparison.ratio > 1 ? 'pool' : 'inline';
}

/** Where pool starts to pay, as a bracket of measured points; null when no decided pool-ahead point holds. */
export type Bracket = Omit<Crossover, 'payloadBytes'>;

/**
 * The upper end: the smallest point where pool was decided ahead and above which inline was never
 * decided not behind (ahead or equivalent): a lone pool-ahead point with inline level above it is
 * noise, not the line. The lower end: the largest point below it where inline was decided not
 * behind; between the two, undecided points, where the line lies somewhere.
 */
export function crossoverOf(pairs: readonly Pair[]): Bracket | null {
  const sides = pairs.map(apartOf);
  const notBehind = (side: Apart) => side === 'inline' || side === 'equivalent';
  const lastNotBehind = sides.reduce((last, side, index) => (notBehind(side) ? index : last), -1);
  const upper = sides.findIndex((side, index) => side === 'pool' && index > lastNotBehind);
  if (upper === -1) return null;
  return {
    cpuMicrosPerRequest: pairs[upper]?.cpuMicrosPerRequest ?? null,
    inlineNotBehindMicros: lastNotBehind === -1 ? null : (pairs[lastNotBehind]?.cpuMicrosPerRequest ?? null),
  };
}

export function crossovers(
  windows: readonly CrossoverWindow[],
  cpuMicros: readonly number[],
  payloads: readonly number[],
): Crossover[] {
  return payloads.map((payloadBytes) => ({
    payloadBytes,
    ...(crossoverOf(pairsOf(windows, cpuMicros, payloadBytes)) ?? {
      cpuMicrosPerRequest: null,
      inlineNotBehindMicros: null,
    }),
  }));
}

export function healthThresholds(
  windows: readonly CrossoverWindow[],
  cpuMicros: readonly number[],
  payloads: readonly number[],
): HealthThreshold[] {
  return payloads.flatMap((payloadBytes) => {
    const pairs = pairsOf(windows, cpuMicros, payloadBytes);
    return HEALTH_THRESHOLDS_MS.map((thresholdMs) => ({
      payloadBytes,
      thresholdMs,
      cpuMicrosPerRequest:
        pairs.find((pair) => (pair.inline?.healthP99Ms ?? 0) > thresholdMs)?.cpuMicrosPerRequest ?? null,
    }));
  });
}

/**
 * The HTTP and body cost of a request at one body size: inline's server CPU per request at the
 * lowest loop point less that loop's own CPU time. The lowest point, where the loop's share (and
 * so the error of its calibration) is smallest.
 */
export function overheadMicros(pairs: readonly Pair[]): number | null {
  for (const pair of pairs) {
    const measured = pair.inline?.serverCpuMicrosPerRequest ?? null;
    if (measured !== null) return Math.max(0, measured - pair.cpuMicrosPerRequest);
  }
  return null;
}

export function handlerPlacements(
  windows: readonly CrossoverWindow[],
  cpuMicros: readonly number[],
  payloads: readonly number[],
): HandlerPlacement[] {
  return payloads.map((payloadBytes) => {
    const pair = handlerPair(windows, payloadBytes);
    const measured = pair.inline?.serverCpuMicrosPerRequest ?? null;
    const overhead = overheadMicros(pairsOf(windows, cpuMicros, payloadBytes));
    return {
      payloadBytes,
      cpuMicrosPerRequest: measured === null || overhead === null ? null : Math.max(0, measured - overhead),
      poolOverInline: ratioOf(pair),
      apart: apartOf(pair),
    };
  });
}
