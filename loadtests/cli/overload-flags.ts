// --retry and --shedding: the overload rows' two dimensions. How turned-away clients ask again (at
// once, or after Retry-After), and whether a variant that sheds load (pool) paces its rejections;
// each defaults to the scenario's own list. --shed-hold-ms and --shed-max-held pass to the servers.
import type { Command } from 'commander';
import { withShedding } from '../../server/shed-flags.ts';
import { RETRY_MODES, type RetryMode, SHEDDING_MODES, type SheddingMode } from '../report/overload-model.ts';
import type { Scenario } from '../scenarios/types.ts';
import { commaList, commaListOption, oneOf } from './comma-list.ts';

/** A scenario that names neither: clients retry at once, and the server sheds as it does by default. */
const DEFAULT_RETRY: readonly RetryMode[] = ['at-once'];
const DEFAULT_SHEDDING: readonly SheddingMode[] = ['on'];

export function withOverloadOptions(command: Command): Command {
  return withShedding(command)
    .addOption(
      commaListOption(
        '--retry <list>',
        "after a 503/504: at-once (autocannon's clients ask again at once) and/or retry-after (ours wait Retry-After, or back off with jitter); a row each (default: the scenario's own, else at-once)",
        commaList(RETRY_MODES.join(', '), oneOf(RETRY_MODES)),
      ),
    )
    .addOption(
      commaListOption(
        '--shedding <list>',
        "pool's paced rejections (--shed-hold-ms) on and/or off, a fresh server each (default: the scenario's own, else on)",
        commaList(SHEDDING_MODES.join(', '), oneOf(SHEDDING_MODES)),
      ),
    );
}

export interface OverloadFlags {
  retry?: RetryMode[];
  shedding?: SheddingMode[];
  shedHoldMs: number;
  shedMaxHeld: number;
}

/** The overload dimensions of one scenario as this invocation runs them. */
export interface OverloadPlan {
  readonly retry: readonly RetryMode[];
  readonly shedding: readonly SheddingMode[];
  /** What a server with shedding on is given (--shed-hold-ms, --shed-max-held). */
  readonly shedHoldMs: number;
  readonly shedMaxHeld: number;
}

export function overloadPlanOf(raw: OverloadFlags, scenario: Scenario): OverloadPlan {
  return {
    retry: raw.retry ?? scenario.retry ?? DEFAULT_RETRY,
    shedding: raw.shedding ?? scenario.shedding ?? DEFAULT_SHEDDING,
    shedHoldMs: raw.shedHoldMs,
    shedMaxHeld: raw.shedMaxHeld,
  };
}
