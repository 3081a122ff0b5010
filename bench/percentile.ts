// Nearest-rank percentiles of a sample: no interpolation, every value reported was measured.

/** The p-th percentile (0 < p <= 100) of `values`; throws on an empty sample rather than invent 0. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
