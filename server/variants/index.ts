// The registry of concurrency models. Adding one is one file plus one line here: --help, the
// load runner's --variants, report rows and the contract tests all derive from this object.
import { chunked } from './chunked.ts';
import { cluster } from './cluster.ts';
import { inline } from './inline.ts';
import { io } from './io.ts';
import { libuv } from './libuv.ts';
import { pool } from './pool.ts';
import type { Variant } from './types.ts';

export const variants = { inline, pool, cluster, chunked, libuv, io } as const satisfies Record<string, Variant>;

export type VariantName = keyof typeof variants;

export const variantNames = Object.keys(variants) as VariantName[];

/** The variants whose requests do CPU work: the ones the CPU scenarios compare. */
export const cpuVariantNames = variantNames.filter((name) => (variants[name] as Variant).fixedWork !== 'io');

export function isVariantName(name: string): name is VariantName {
  return Object.hasOwn(variants, name);
}
