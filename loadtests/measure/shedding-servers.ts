// The servers one variant's overload rows run on: a variant that sheds load (pool) gets a fresh server
// per --shedding mode, its row named for it; any other variant, one server (shedding does not apply).
import { SHEDDING_VARIANTS } from '../../server/shed-flags.ts';
import type { VariantName } from '../../server/variants/index.ts';
import type { OverloadPlan } from '../cli/overload-flags.ts';

export interface SheddingServer {
  /** Added to the row's name: empty for the server's default (shedding on). */
  readonly suffix: string;
  readonly shedHoldMs: number;
  readonly shedMaxHeld: number;
}

export function sheddingServers(variant: VariantName, plan: OverloadPlan): SheddingServer[] {
  const on = { suffix: '', shedHoldMs: plan.shedHoldMs, shedMaxHeld: plan.shedMaxHeld };
  if (!SHEDDING_VARIANTS.includes(variant)) return [on];
  return plan.shedding.map((mode) => (mode === 'on' ? on : { ...on, suffix: ' · no shedding', shedHoldMs: 0 }));
}
