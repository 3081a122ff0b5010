// The registry of concurrency models. Adding one is one file plus one line here: --help, the
// load runner's --variants, report rows and the contract tests all derive from this object.
import { inline } from './inline.ts';
import { pool } from './pool.ts';
import type { Variant } from './types.ts';

export const variants = { inline, pool } as const satisfies Record<string, Variant>;

export type VariantName = keyof typeof variants;

export const variantNames = Object.keys(variants) as VariantName[];

export function isVariantName(name: string): name is VariantName {
  return Object.hasOwn(variants, name);
}
