// The registry of concurrency models. Adding one is one file, one line here and its name in
// flags.ts's VARIANT_NAMES (`satisfies` fails the type check until both agree): --help, the load
// runner's --variants, report rows and the contract tests all derive from this object.
import { type ServerOptions, VARIANT_NAMES, type VariantName } from '../flags.ts';
import { chunked } from './chunked.ts';
import { cluster } from './cluster/index.ts';
import { inline } from './inline.ts';
import { io } from './io.ts';
import { libuv } from './libuv.ts';
import { pool } from './pool/index.ts';
import type { Variant } from './types.ts';

export const variants = { inline, pool, cluster, chunked, libuv, io } as const satisfies Record<VariantName, Variant>;

export type { VariantName };

/** In --help order. */
export const variantNames: readonly VariantName[] = VARIANT_NAMES;

/** The variants whose requests do CPU work: the ones the CPU scenarios compare. */
export const cpuVariantNames = variantNames.filter((name) => (variants[name] as Variant).fixedWork !== 'io');

export function isVariantName(name: string): name is VariantName {
  return Object.hasOwn(variants, name);
}

/** The environment a server with these options needs from its very start (libuv's UV_THREADPOOL_SIZE). */
export function serverEnv(options: ServerOptions): Record<string, string> {
  return variants[options.variant].env?.(options) ?? {};
}
