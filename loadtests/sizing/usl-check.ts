// Does the USL say more than the cores' ceiling? The simpler model min(λN, X_max) rises linearly
// and levels off where the cores are full; a USL fitted to such points still finds a κ and a peak,
// which is the ceiling's corner, not coherency. The two are compared by AICc: they are not nested
// (neither is a special case of the other), so an F test of nested models does not apply, and a
// sweep has few sizes, hence the small-sample correction. Each model's own lack of fit is an
// F test of its weighted residuals against the runs' spread (pure error).
import cdf from '@stdlib/stats-base-dists-f-cdf';
import { weightOf, type UslPoint } from './usl.ts';

/** AICc points by which the USL must beat the ceiling to be read (Burnham & Anderson: within 2, both fit). */
export const AICC_MARGIN = 2;

export interface ModelScore {
  readonly parameters: number;
  /** Σ weight × residual²: the chi-square of a fit weighted by 1 ÷ variance. */
  readonly weightedSse: number;
  /** null with too few sizes for the correction (sizes ≤ parameters + 1). */
  readonly aicc: number | null;
  /** p-value of the lack-of-fit F test; null with no size to spare (sizes ≤ parameters). */
  readonly lackOfFitP: number | null;
}

export interface CeilingFit {
  readonly lambda: number;
  readonly ceiling: number;
  readonly weightedSse: number;
}

export type UslCheck =
  | {
      readonly state: 'checked';
      readonly usl: ModelScore;
      readonly ceiling: ModelScore & CeilingFit;
      /** true: the USL beats the ceiling by AICC_MARGIN, so its κ (and peak) can be read as coherency. */
      readonly uslBetter: boolean;
    }
  | { readonly state: 'unchecked'; readonly reason: string };

export const ceilingThroughput = ({ lambda, ceiling }: Pick<CeilingFit, 'lambda' | 'ceiling'>, n: number): number =>
  Math.min(lambda * n, ceiling);

function ceilingSse(points: readonly UslPoint[], lambda: number, ceiling: number): number {
  return points.reduce(
    (sum, p) => sum + weightOf(p) * (p.throughput - ceilingThroughput({ lambda, ceiling }, p.n)) ** 2,
    0,
  );
}

/** Least squares on each branch: λ through the origin on the rising points, X_max the mean of the flat ones. */
function branchFit(rising: readonly UslPoint[], flat: readonly UslPoint[], largestN: number) {
  const sum = (points: readonly UslPoint[], term: (p: UslPoint) => number) => points.reduce((s, p) => s + term(p), 0);
  const slope = sum(rising, (p) => weightOf(p) * p.throughput * p.n) / sum(rising, (p) => weightOf(p) * p.n ** 2);
  const ceiling =
    flat.length > 0 ? sum(flat, (p) => weightOf(p) * p.throughput) / sum(flat, weightOf) : slope * largestN;
  // No rising point: a ceiling from the first size on.
  const lambda = rising.length > 0 ? slope : ceiling / Math.min(...flat.map((p) => p.n));
  return { lambda, ceiling };
}

/**
 * Weighted least squares of min(λN, X_max): every split of the sizes into a rising and a flat part
 * is a start, each refined by putting every point on the branch the model puts it on until nothing moves.
 */
export function fitCeiling(points: readonly UslPoint[]): CeilingFit {
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const largestN = sorted[sorted.length - 1]!.n;
  let best: CeilingFit | null = null;
  for (let split = 0; split <= sorted.length; split++) {
    let fit = branchFit(sorted.slice(0, split), sorted.slice(split), largestN);
    for (let step = 0; step < sorted.length; step++) {
      const rising = sorted.filter((p) => fit.lambda * p.n < fit.ceiling);
      const next = branchFit(
        rising,
        sorted.filter((p) => !rising.includes(p)),
        largestN,
      );
      if (next.lambda === fit.lambda && next.ceiling === fit.ceiling) break;
      fit = next;
    }
    const weightedSse = ceilingSse(sorted, fit.lambda, fit.ceiling);
    if (best === null || weightedSse < best.weightedSse) best = { ...fit, weightedSse };
  }
  return best!;
}

function score(weightedSse: number, parameters: number, sizes: number, pureErrorDf: number): ModelScore {
  const spare = sizes - parameters;
  return {
    parameters,
    weightedSse,
    aicc: spare > 1 ? weightedSse + 2 * parameters + (2 * parameters * (parameters + 1)) / (spare - 1) : null,
    lackOfFitP:
      spare > 0 && pureErrorDf > 0
        ? 1 - cdf(weightedSse / spare, spare, Number.isFinite(pureErrorDf) ? pureErrorDf : 1e9)
        : null,
  };
}

/**
 * `points`: one per size, weighted by 1 ÷ variance; `uslSse`: the weighted USL fit's Σ w·r²;
 * `pureErrorDf`: the degrees of freedom of the points' variances, summed.
 */
export function checkUsl(points: readonly UslPoint[], uslSse: number, pureErrorDf: number): UslCheck {
  const sizes = new Set(points.map((p) => p.n)).size;
  const usl = score(uslSse, 3, sizes, pureErrorDf);
  const ceilingFit = fitCeiling(points);
  const ceiling = { ...ceilingFit, ...score(ceilingFit.weightedSse, 2, sizes, pureErrorDf) };
  if (usl.aicc === null || ceiling.aicc === null) {
    return {
      state: 'unchecked',
      reason: `${sizes} sizes cannot tell the USL's 3 coefficients from the ceiling's 2 (AICc needs 5 or more)`,
    };
  }
  return { state: 'checked', usl, ceiling, uslBetter: usl.aicc < ceiling.aicc - AICC_MARGIN };
}
