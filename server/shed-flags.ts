// The load-shedding flags of the pool variant: pace its rejections. A turned-away request is held a
// short, bounded time before its 503, so a client that asks again at once cannot turn its retries
// into a flood that takes the event loop's core from the served requests (receive livelock).
import type { Command } from 'commander';
import { intOption, type IntRange } from './int-option.ts';
import { SERVER_FLAGS, type VariantName } from './options.ts';

/** The variants that turn requests away for a full queue, and so pace their rejections. */
export const SHEDDING_VARIANTS: readonly VariantName[] = ['pool'];
/** Long enough that a closed-loop client retrying at once costs the loop little; well under Retry-After. */
export const DEFAULT_SHED_HOLD_MS = 250;
export const SHED_HOLD_MS_RANGE: IntRange = { min: 0, max: 10_000 };
/** Each held request is an open socket and a timer: bounded, and beyond it the 503 goes at once. */
export const DEFAULT_SHED_MAX_HELD = 1_024;
export const SHED_MAX_HELD_RANGE: IntRange = { min: 0, max: 100_000 };

/** Whether these settings pace rejections at all: a hold of 0 (or room for none) answers at once. */
export const shedsLoad = (options: { readonly shedHoldMs: number; readonly shedMaxHeld: number }): boolean =>
  options.shedHoldMs > 0 && options.shedMaxHeld > 0;

/** Adds --shed-hold-ms and --shed-max-held to a program. */
export function withShedding(command: Command): Command {
  return command
    .addOption(
      intOption(
        SERVER_FLAGS.shedHoldMs,
        'pool: ms a request turned away for a full queue is held before its 503 + Retry-After; 0 = at once (no shedding)',
        SHED_HOLD_MS_RANGE,
        DEFAULT_SHED_HOLD_MS,
      ),
    )
    .addOption(
      intOption(
        SERVER_FLAGS.shedMaxHeld,
        'pool: most turned-away requests held at once; beyond it their 503 goes at once',
        SHED_MAX_HELD_RANGE,
        DEFAULT_SHED_MAX_HELD,
      ),
    );
}
