// One measured figure against its reference, and whether it met its target: the row every bench
// table, sentence and test reads. Pure.

/** A ratio that must reach `min`, or a measured value that must stay below `max`. */
export type Target =
  | { readonly kind: 'ratio-at-least'; readonly min: number }
  | { readonly kind: 'value-below'; readonly max: number };

/** `by`: ratio points short of `min` (0.05 = 5 points), or how far above `max` in the row's unit. */
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
  return measured < target.max ? { state: 'met' } : { state: 'missed', by: measured - target.max };
}

export function compare(row: Omit<Comparison, 'ratio' | 'outcome'>): Comparison {
  const ratio = row.measured / row.reference;
  return { ...row, ratio, outcome: judge(row.target, row.measured, ratio) };
}
