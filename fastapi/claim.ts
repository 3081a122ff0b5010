// The original's claim, tested: "use `async def` when the path operation is CPU-intensive and must
// serve numerous requests at once, because `def` creates lots of threads that compete for the CPU".
// Pure: measured rows in, a verdict per client count and overall out, for throughput and, apart,
// for responsiveness. No sentence here; claim-text.ts words it.
import { overlaps } from '../loadtests/stats/interval.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { isSteady } from '../loadtests/report/steady.ts';

/** 'not steady': both routes were measured, but one of them not in steady state; kept out of the verdict. */
export type Verdict = 'holds' | 'fails' | 'not distinguishable' | 'not steady' | 'not measured';

/**
 * Percentiles carry no interval here, so two latencies are told apart only when one is at least
 * this many times the other: well beyond the run-to-run spread of a p99 seen on this machine.
 */
export const LATENCY_RATIO_DISTINGUISHABLE = 2;

/** The two routes of the claim at one client count, as measured. */
export interface ClaimPoint {
  readonly clients: number;
  readonly asyncDef: VariantRun | null;
  readonly def: VariantRun | null;
}

export interface PointVerdict {
  readonly clients: number;
  /** def's req/s over async def's: below 1, def served fewer (the claim's prediction). */
  readonly throughputRatio: number | null;
  readonly throughput: Verdict;
  /** def's /health p99 over async def's: above 1, def kept the bystander waiting longer. */
  readonly healthRatio: number | null;
  /** def's p50 over async def's. */
  readonly p50Ratio: number | null;
  readonly responsiveness: Verdict;
  /** Whether both rows measured steady state (steady.ts); if not, the point has no verdict. */
  readonly steady: boolean;
}

export interface ClaimVerdict {
  readonly points: readonly PointVerdict[];
  /** At the most clients both routes were measured with in steady state (the "numerous requests" of the claim). */
  readonly throughput: Verdict;
  readonly responsiveness: Verdict;
  /** The client count the overall verdicts are taken at; null when no count had both routes. */
  readonly decidingClients: number | null;
}

/** Throughput: def slower with intervals apart = holds; faster = fails; overlapping = not distinguishable. */
export function throughputVerdict(asyncDef: VariantRun, def: VariantRun): Verdict {
  const a = asyncDef.requestsPerSecondCi95;
  const d = def.requestsPerSecondCi95;
  if (a === null || d === null || overlaps(a, d)) return 'not distinguishable';
  return def.requestsPerSecond < asyncDef.requestsPerSecond ? 'holds' : 'fails';
}

/** How `def`'s figure compares with `async def`'s: ratio ≥ the threshold either way, else not distinguishable. */
function byRatio(ratio: number | null, defWorseWhenAbove: boolean): Verdict {
  if (ratio === null) return 'not measured';
  if (ratio >= LATENCY_RATIO_DISTINGUISHABLE) return defWorseWhenAbove ? 'holds' : 'fails';
  if (ratio <= 1 / LATENCY_RATIO_DISTINGUISHABLE) return defWorseWhenAbove ? 'fails' : 'holds';
  return 'not distinguishable';
}

const ratioOf = (over: number | null | undefined, under: number | null | undefined): number | null =>
  over === null || over === undefined || under === null || under === undefined || under <= 0 ? null : over / under;

/**
 * Responsiveness: the claim prefers `async def`, so it holds when `def` kept the bystander /health
 * waiting at least twice as long (p99), and fails when `async def` did.
 */
export function responsivenessVerdict(asyncDef: VariantRun, def: VariantRun): Verdict {
  return byRatio(ratioOf(def.health.latencyMs?.p99, asyncDef.health.latencyMs?.p99), true);
}

export function pointVerdict(point: ClaimPoint): PointVerdict {
  const { asyncDef, def, clients } = point;
  if (asyncDef === null || def === null) {
    return {
      clients,
      throughputRatio: null,
      throughput: 'not measured',
      healthRatio: null,
      p50Ratio: null,
      responsiveness: 'not measured',
      steady: false,
    };
  }
  const steady = isSteady(asyncDef) && isSteady(def);
  return {
    clients,
    throughputRatio: ratioOf(def.requestsPerSecond, asyncDef.requestsPerSecond),
    throughput: steady ? throughputVerdict(asyncDef, def) : 'not steady',
    healthRatio: ratioOf(def.health.latencyMs?.p99, asyncDef.health.latencyMs?.p99),
    p50Ratio: ratioOf(def.latencyMs?.p50, asyncDef.latencyMs?.p50),
    responsiveness: steady ? responsivenessVerdict(asyncDef, def) : 'not steady',
    steady,
  };
}

/** Every point's verdict, and the overall one at the largest client count both routes were measured with in steady state. */
export function claimVerdict(points: readonly ClaimPoint[]): ClaimVerdict {
  const verdicts = [...points].sort((a, b) => a.clients - b.clients).map(pointVerdict);
  const deciding = verdicts.filter((point) => point.steady).at(-1);
  const none: Verdict = verdicts.some((point) => point.throughput === 'not steady') ? 'not steady' : 'not measured';
  return {
    points: verdicts,
    throughput: deciding?.throughput ?? none,
    responsiveness: deciding?.responsiveness ?? none,
    decidingClients: deciding?.clients ?? null,
  };
}
