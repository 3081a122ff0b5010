// The original's claim, tested: "use `async def` when the path operation is CPU-intensive and must
// serve numerous requests at once, because `def` creates lots of threads that compete for the CPU".
// Pure: measured rows in, a verdict per client count and overall out, for throughput and, apart,
// for responsiveness, each resting on a three-outcome comparison of the routes' runs (replicates).
// No sentence here; claim-text.ts words it.
import { compareReplicates, type ReplicateComparison, type Replicates } from '../loadtests/decide/replicates.ts';
import { PROBE_TIMEOUT_MS } from '../loadtests/observe/health-probe.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { isSteady } from '../loadtests/report/steady.ts';
import { DEFAULT_EQUIVALENCE_MARGIN } from '../loadtests/stats/compare.ts';

/**
 * holds / fails: the routes differ, the way the claim says or the other way; equivalent: within the
 * margin, so the claim's reason does not show; inconclusive: the runs cannot say yet; 'not steady':
 * both routes were measured, but no run of one of them in steady state.
 */
export type Verdict = 'holds' | 'fails' | 'equivalent' | 'inconclusive' | 'not steady' | 'not measured';

/** One question's answer and the comparison it rests on (a = `async def`, b = `def`). */
export interface QuestionVerdict {
  readonly verdict: Verdict;
  readonly comparison: ReplicateComparison | null;
}

/** The two routes of the claim at one client count, as measured: every run of each (its replicates). */
export interface ClaimPoint {
  readonly clients: number;
  readonly asyncDef: readonly VariantRun[];
  readonly def: readonly VariantRun[];
}

export interface PointVerdict {
  readonly clients: number;
  /** Steady runs the verdicts rest on, per route. */
  readonly runs: { readonly asyncDef: number; readonly def: number };
  /** def's req/s over async def's (b ÷ a): below 1, def served fewer (the claim's prediction). */
  readonly throughput: QuestionVerdict;
  /** def's /health p99 over async def's: above 1, def kept the bystander waiting longer. */
  readonly responsiveness: QuestionVerdict;
  /** def's p50 over async def's, of the first runs. */
  readonly p50Ratio: number | null;
  /** Whether both routes had a run in steady state (steady.ts); if not, the point has no verdict. */
  readonly steady: boolean;
}

export interface ClaimVerdict {
  readonly points: readonly PointVerdict[];
  /** At the most clients both routes were measured with in steady state (the "numerous requests" of the claim). */
  readonly throughput: QuestionVerdict;
  readonly responsiveness: QuestionVerdict;
  /** The client count the overall verdicts are taken at; null when no count had both routes. */
  readonly decidingClients: number | null;
}

export interface ClaimOptions {
  /** Equivalence margin δ (0.05: ratios within ±5% count as the same). */
  readonly margin: number;
  /** Looks the run took at the deciding count (sequential stopping): the error is spread over them. */
  readonly looks: number;
}

export const DEFAULT_CLAIM_OPTIONS: ClaimOptions = { margin: DEFAULT_EQUIVALENCE_MARGIN, looks: 1 };

/** A route's /health p99 in one run; a probe that never answered waited at least its timeout. */
export function healthP99(run: VariantRun): { readonly ms: number; readonly censored: boolean } {
  const { health } = run;
  // Past 1% of probes unanswered, the p99 lies among the unanswered: at least the timeout.
  const unansweredShare = health.sent > 0 ? health.failed / health.sent : 1;
  if (health.latencyMs === null || unansweredShare > 0.01) return { ms: PROBE_TIMEOUT_MS, censored: true };
  return { ms: health.latencyMs.p99, censored: false };
}

function throughputOf(label: string, runs: readonly VariantRun[]): Replicates {
  return { label, values: runs.map((run) => run.requestsPerSecond).filter((rate) => rate > 0) };
}

function healthOf(label: string, runs: readonly VariantRun[]): Replicates {
  const p99s = runs.map(healthP99);
  return { label, values: p99s.map((p99) => p99.ms), censored: p99s.some((p99) => p99.censored) };
}

/** differs the claim's way → holds; the other way → fails; the rest as compared. */
function verdictOf(comparison: ReplicateComparison, defWorseWhenAbove: boolean): Verdict {
  if (comparison.outcome !== 'differs') return comparison.outcome;
  return comparison.ratio > 1 === defWorseWhenAbove ? 'holds' : 'fails';
}

const notAt = (verdict: Verdict): QuestionVerdict => ({ verdict, comparison: null });

export function pointVerdict(point: ClaimPoint, options: ClaimOptions = DEFAULT_CLAIM_OPTIONS): PointVerdict {
  const { clients } = point;
  const asyncDef = point.asyncDef.filter(isSteady);
  const def = point.def.filter(isSteady);
  const firstP50 = (runs: readonly VariantRun[]) => runs[0]?.latencyMs?.p50 ?? null;
  const p50Async = firstP50(point.asyncDef);
  const p50Def = firstP50(point.def);
  const shared = {
    clients,
    runs: { asyncDef: asyncDef.length, def: def.length },
    p50Ratio: p50Async === null || p50Def === null || p50Async <= 0 ? null : p50Def / p50Async,
  };
  if (point.asyncDef.length === 0 || point.def.length === 0)
    return { ...shared, throughput: notAt('not measured'), responsiveness: notAt('not measured'), steady: false };
  if (asyncDef.length === 0 || def.length === 0)
    return { ...shared, throughput: notAt('not steady'), responsiveness: notAt('not steady'), steady: false };
  const compared = { margin: options.margin, looks: options.looks };
  const throughput = compareReplicates(throughputOf('async def', asyncDef), throughputOf('def', def), {
    ...compared,
    metric: 'req/s',
  });
  const health = compareReplicates(healthOf('async def', asyncDef), healthOf('def', def), {
    ...compared,
    metric: '/health p99',
  });
  return {
    ...shared,
    throughput: { verdict: verdictOf(throughput, false), comparison: throughput },
    responsiveness: { verdict: verdictOf(health, true), comparison: health },
    steady: true,
  };
}

/** Every point's verdict, and the overall one at the largest client count both routes were measured with in steady state. */
export function claimVerdict(
  points: readonly ClaimPoint[],
  options: ClaimOptions = DEFAULT_CLAIM_OPTIONS,
): ClaimVerdict {
  const verdicts = [...points].sort((a, b) => a.clients - b.clients).map((point) => pointVerdict(point, options));
  const deciding = verdicts.filter((point) => point.steady).at(-1);
  const none = notAt(
    verdicts.some((point) => point.throughput.verdict === 'not steady') ? 'not steady' : 'not measured',
  );
  return {
    points: verdicts,
    throughput: deciding?.throughput ?? none,
    responsiveness: deciding?.responsiveness ?? none,
    decidingClients: deciding?.clients ?? null,
  };
}
