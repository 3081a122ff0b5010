// A weighted sum of independent log estimates (Σ cᵢ·ln Xᵢ), with its standard error and
// Welch–Satterthwaite degrees of freedom: the log of a ratio to a pooled plateau is one.
import type { LogEstimate } from './log-estimate.ts';

export interface LogTerm {
  readonly coefficient: number;
  readonly estimate: LogEstimate;
}

export interface LogCombination {
  /** Σ cᵢ·ln(valueᵢ). */
  readonly log: number;
  readonly se: number;
  /** Infinity when every term is known as well as a normal (or the sum has no variance). */
  readonly df: number;
}

export function combineLogs(terms: readonly LogTerm[]): LogCombination {
  const log = terms.reduce((sum, { coefficient, estimate }) => sum + coefficient * Math.log(estimate.value), 0);
  const parts = terms.map(({ coefficient, estimate }) => ({ variance: (coefficient * estimate.logSe) ** 2, estimate }));
  const variance = parts.reduce((sum, part) => sum + part.variance, 0);
  const denominator = parts.reduce(
    (sum, { variance: v, estimate }) => sum + (Number.isFinite(estimate.df) ? v ** 2 / estimate.df : 0),
    0,
  );
  const df = denominator === 0 ? Number.POSITIVE_INFINITY : variance ** 2 / denominator;
  return { log, se: Math.sqrt(variance), df };
}
