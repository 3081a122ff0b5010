// What the windows say, computed: pool ÷ inline per point, the crossover per body size, where
// inline's bystander passes 10 and 100 ms, and where a --handler falls. Pure arithmetic.
import { overlaps } from '../stats/interval.ts';
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

export type Apart = HandlerPlacement['apart'];

/** One loop point at one body size: inline's and pool's windows, when both were measured. */
export interface Pair {
  readonly cpuMicrosPerRequest: number;
  readonly payloadBytes: number;
  readonly inline: MeasuredWindow | null;
  readonly pool: MeasuredWindow | null;
}

const isLoop = (window: CrossoverWindow, cpuMicros: number): boolean =>
  window.work.kind === 'loop' && window.work.cpuMicrosPerRequest === cpuMicros;

function measuredOf(
  windows: readonly CrossoverWindow[],
  variant: CrossoverVariant,
  payloadBytes: number,
  matches: (window: CrossoverWindow) => boolean,
): MeasuredWindow | null {
  const found = windows.find((w) => w.variant === variant && w.payloadBytes === payloadBytes && matches(w));
  return found?.state === 'measured' ? found : null;
}

/** The loop points of one body size, ascending in CPU time. */
export function pairsOf(
  windows: readonly CrossoverWindow[],
  cpuMicros: readonly number[],
  payloadBytes: number,
): Pair[] {
  return [...cpuMicros]
    .sort((a, b) => a - b)
    .map((cpuMicrosPerRequest) => {
      const matches = (w: CrossoverWindow) => isLoop(w, cpuMicrosPerRequest);
      return {
        cpuMicrosPerRequest,
        payloadBytes,
        inline: measuredOf(windows, 'inline', payloadBytes, matches),
        pool: measuredOf(windows, 'pool', payloadBytes, matches),
      };
    });
}

/** The handler's two windows at one body size. */
export function handlerPair(
  windows: readonly CrossoverWindow[],
  payloadBytes: number,
): Omit<Pair, 'cpuMicrosPerRequest'> {
  const matches = (w: CrossoverWindow) => w.work.kind === 'handler';
  return {
    payloadBytes,
    inline: measuredOf(windows, 'inline', payloadBytes, matches),
    pool: measuredOf(windows, 'pool', payloadBytes, matches),
  };
}

/** pool ÷ inline req/s; null when either is missing or inline served nothing. */
export function ratioOf(pair: Pick<Pair, 'inline' | 'pool'>): number | null {
  if (pair.inline === null || pair.pool === null || pair.inline.requestsPerSecond === 0) return null;
  return pair.pool.requestsPerSecond / pair.inline.requestsPerSecond;
}

/** Which served more beyond both intervals; 'overlap' when they cannot be told apart (or an interval is missing). */
export function apartOf(pair: Pick<Pair, 'inline' | 'pool'>): Apart {
  const inline = pair.inline?.requestsPerSecondCi95 ?? null;
  const pool = pair.pool?.requestsPerSecondCi95 ?? null;
  if (inline === null || pool === null || overlaps(inline, pool)) return 'overlap';
  return pool[0] > inline[1] ? 'pool' : 'inline';
}

/**
 * The smallest CPU time at which pool served more beyond both intervals and from which inline never
 * did: a lone point where 1 s windows happened to favour the pool, with inline ahead above it, is
 * noise, not the line where the pool starts to pay.
 */
export function crossoverOf(pairs: readonly Pair[]): number | null {
  const sides = pairs.map(apartOf);
  const lastInlineAhead = sides.lastIndexOf('inline');
  const from = sides.findIndex((side, index) => side === 'pool' && index > lastInlineAhead);
  return from === -1 ? null : (pairs[from]?.cpuMicrosPerRequest ?? null);
}

export function crossovers(
  windows: readonly CrossoverWindow[],
  cpuMicros: readonly number[],
  payloads: readonly number[],
): Crossover[] {
  return payloads.map((payloadBytes) => ({
    payloadBytes,
    cpuMicrosPerRequest: crossoverOf(pairsOf(windows, cpuMicros, payloadBytes)),
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
