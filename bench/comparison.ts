// One measured figure against its reference, and whether it met its target: the row every bench
// table, sentence and test reads. Pure.

/** A ratio that must reach `min`, stay at or under `max`, or lie between both; or a value below `max`. */
export type Target =
  | { readonly kind: 'ratio-at-least'; readonly min: number }
  | { readonly kind: 'ratio-at-most'; readonly max: number }
  | { readonly kind: 'ratio-within'; readonly min: number; readonly max: number }
  | { readonly kind: 'value-below'; readonly max: number };

/**
 * `by`: ratio points short of `min` (0.05 = 5 points), how far a ratio lies outside its bound
 * (0.05 = 0.05×), or how far above `max` in the row's unit.
 */
export type Outcome =
  | { readonly state: 'met' }
  | { readonly state: 'missed'; readonly by: number }
  | { readonly state: 'no-target' };

export interface Comparison {
  readonly figure: number;
  readonly what: string;
  readonly unit: string;
  readonly measured: number;
  readonly reference: number;
  readonly referenceName: string;
  /** measured / reference. */
  readonly ratio: number;
  readonly target: Target | null;
  readonly outcome: Outcome;
}

export function judge(target: Target | null, measured: number, ratio: number): Outcome {
  if (target === null) return { state: 'no-target' };
  if (target.kind === 'ratio-at-least')
    return ratio >= target.min ? { state: 'met' } : { state: 'missed', by: target.min - ratio };
  if (target.kind === 'ratio-at-most')
    return ratio <= target.max ? { state: 'met' } : { state: 'missed', by: ratio - target.max };
  if (target.kind === 'ratio-within') {
    const by = Math.max(target.min - ratio, ratio - target.max);
    return by <= 0 ? { state: 'met' } : { state: 'missed', by };
  }
  return measured < target.max ? { state: 'met' } : { state: 'missed', by: measured - target.max };
}

export function compare(row: Omit<Comparison, 'ratio' | 'outcome'>): Comparison {
  const ratio = row.measured / row.reference;
  return { ...row, ratio, outcome: judge(row.target, row.measured, ratio) };
}
