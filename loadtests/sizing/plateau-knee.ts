// The knee of a size sweep, read so that noise cannot put it on a size short of the plateau. The
// plateau is the best size pooled with every size not shown to differ from it (the three-outcome
// comparison): the maximum of noisy points alone drifts up with every lucky run, and a plateau of
// the best alone would make the best its own knee. The knee is the smallest size shown within
// KNEE_TOLERANCE of that plateau: the one-sided 95% lower bound of X_n ÷ X_plateau ≥ 0.95. Noise can
// only move it to a larger size (one not yet shown), never below where the plateau truly starts.
import { compare, DEFAULT_EQUIVALENCE_MARGIN } from '../stats/compare.ts';
import { combineLogs, type LogTerm } from '../stats/log-combination.ts';
import type { LogEstimate } from '../stats/log-estimate.ts';
import { tQuantile } from '../stats/student-t.ts';

/** A size whose throughput is at least this share below the plateau's is short of it. */
export const KNEE_TOLERANCE = 0.05;
/** One-sided confidence of the lower bound a knee must reach. */
export const KNEE_CONFIDENCE = 0.95;

export interface SizeEstimate {
  readonly size: number;
  readonly estimate: LogEstimate;
}

export interface PlateauRatio {
  readonly size: number;
  /** X_n ÷ X_plateau. */
  readonly ratio: number;
  /** Its one-sided KNEE_CONFIDENCE lower bound. */
  readonly lowerBound: number;
}

export interface PlateauKnee {
  readonly size: number;
  /**
   * true: its lower bound reached 1 − KNEE_TOLERANCE. false: no size's did (too few or too noisy
   * runs), and the knee is the best measured, which then says nothing about the sizes below it.
   */
  readonly shown: boolean;
  readonly best: number;
  /** The sizes pooled into the plateau (the best and those not shown to differ from it), and its throughput. */
  readonly plateau: { readonly sizes: readonly number[]; readonly value: number };
  /** Every size's ratio to the plateau, in the order of size. */
  readonly ratios: readonly PlateauRatio[];
}

const named = ({ size, estimate }: SizeEstimate) => ({ label: String(size), estimate });

/**
 * X_n ÷ X_plateau on the log scale: ln X_n − mean of the plateau's ln X (each size weighs the same,
 * so a size whose few runs happened to agree cannot take the plateau over). A size in the plateau
 * appears on both sides: its coefficient is 1 − 1/m, not 1 and −1/m as if independent.
 */
function ratioTo(point: SizeEstimate, plateau: readonly SizeEstimate[]): PlateauRatio {
  const share = 1 / plateau.length;
  const terms: LogTerm[] = [
    ...plateau.filter((member) => member !== point).map(({ estimate }) => ({ coefficient: -share, estimate })),
    { coefficient: plateau.includes(point) ? 1 - share : 1, estimate: point.estimate },
  ];
  const { log, se, df } = combineLogs(terms);
  const lowerBound = se === 0 ? Math.exp(log) : Math.exp(log - tQuantile(KNEE_CONFIDENCE, df) * se);
  return { size: point.size, ratio: Math.exp(log), lowerBound };
}

/** The knee of `points` (one estimate per size, any order); `margin` is the comparison's equivalence margin. */
export function plateauKnee(points: readonly SizeEstimate[], margin = DEFAULT_EQUIVALENCE_MARGIN): PlateauKnee {
  if (points.length === 0) throw new RangeError('a knee needs at least one size');
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const best = sorted.reduce((top, point) => (point.estimate.value > top.estimate.value ? point : top));
  const plateau = sorted.filter(
    (point) => point === best || compare(named(best), named(point), { metric: 'req/s', margin }).outcome !== 'differs',
  );
  const ratios = sorted.map((point) => ratioTo(point, plateau));
  // One size alone is its own plateau: it shows nothing.
  const knee = sorted.length > 1 ? ratios.find((ratio) => ratio.lowerBound >= 1 - KNEE_TOLERANCE) : undefined;
  const plateauValue = Math.exp(
    plateau.reduce((sum, { estimate }) => sum + Math.log(estimate.value), 0) / plateau.length,
  );
  return {
    size: knee?.size ?? best.size,
    shown: knee !== undefined,
    best: best.size,
    plateau: { sizes: plateau.map((point) => point.size), value: plateauValue },
    ratios,
  };
}
