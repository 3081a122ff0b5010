// A ratio of two sums measured over batches (answers ÷ time per round, CPU ÷ answers per stretch of
// the window), with its standard error by the delta method: batch means of the residuals, with one
// lag of covariance (Newey–West, Bartlett weight ½), because neighbouring batches share an edge.

export interface Batch {
  readonly numerator: number;
  readonly denominator: number;
}

export interface RatioEstimate {
  readonly ratio: number;
  readonly relativeSe: number;
  readonly df: number;
}

/** Σ numerators ÷ Σ denominators and its error; null with fewer than 2 batches or a zero sum. */
export function ratioEstimate(batches: readonly Batch[]): RatioEstimate | null {
  const n = batches.length;
  let numerator = 0;
  let denominator = 0;
  for (const batch of batches) {
    numerator += batch.numerator;
    denominator += batch.denominator;
  }
  if (n < 2 || !(numerator > 0) || !(denominator > 0)) return null;
  const ratio = numerator / denominator;
  const residuals = batches.map((batch) => batch.numerator - ratio * batch.denominator);
  let lag0 = 0;
  let lag1 = 0;
  for (let i = 0; i < n; i++) {
    lag0 += residuals[i]! ** 2;
    if (i > 0) lag1 += residuals[i]! * residuals[i - 1]!;
  }
  // A late answer lengthens one batch and shortens the next, so neighbouring residuals cancel in the
  // sum; never below one batch's residual over the whole, the jitter of the two ends.
  const variance = Math.max(lag0 + lag1, lag0 / n) / n / (n - 1);
  const se = Math.sqrt(variance) / (denominator / n);
  return { ratio, relativeSe: se / ratio, df: n - 1 };
}
