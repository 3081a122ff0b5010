// Both variants' servers for one work (a loop's CPU time, or the --handler), up together so their
// windows can interleave; only one is ever loaded at a time, the other idles.
import { DEFAULT_TIMEOUT_MS, defaultMaxQueue, type ServerOptions } from '../../server/flags.ts';
import type { Subject } from '../measure/measure.ts';
import { type RunContext, serverOptionsFor } from '../measure/run-scenario.ts';
import { onVariantServer } from '../measure/variant-server.ts';
import type { Target } from '../process/target.ts';
import type { VariantSettingValues } from '../report/model.ts';
import { curlLoops } from '../scenarios/curl-loops.ts';
import type { CrossoverOptions } from './flags.ts';
import { CROSSOVER_VARIANTS, type CrossoverVariant, type CrossoverWork } from './model.ts';

export interface CrossoverSizing {
  readonly iterationsPerMicrosecond: number;
  readonly poolSize: number;
  readonly clients: number;
  readonly settings: VariantSettingValues;
}

export type Served = (variant: CrossoverVariant) => { readonly target: Target; readonly subject: Subject };

/**
 * Quiet servers: a start and an end line per request would cost a write on the event loop (and,
 * from the pool's threads, a message to it) at thousands of requests per second, in both variants.
 */
function serverOptions(
  variant: CrossoverVariant,
  work: CrossoverWork,
  options: CrossoverOptions,
  sizing: CrossoverSizing,
): ServerOptions {
  const plan = { scenario: curlLoops, maxQueue: defaultMaxQueue(sizing.poolSize), timeoutMs: DEFAULT_TIMEOUT_MS };
  const handler = work.kind === 'handler' ? options.handlerPath : null;
  const iterations = work.kind === 'loop' ? work.iterations : sizing.settings.iterations;
  return {
    ...serverOptionsFor(variant, plan, { ...sizing.settings, iterations }, { handler, transfer: options.transfer }),
    quiet: true,
  };
}

/** Both variants' servers for one work, up together (only one is ever loaded), handed to `use`, then stopped. */
export async function onBothServers(
  work: CrossoverWork,
  options: CrossoverOptions,
  sizing: CrossoverSizing,
  context: RunContext,
  use: (served: Served) => Promise<void>,
): Promise<void> {
  const [inline, pool] = CROSSOVER_VARIANTS;
  await onVariantServer(
    serverOptions(inline, work, options, sizing),
    1,
    sizing.clients,
    context,
    (inlineTarget, inlineSubject) =>
      onVariantServer(
        serverOptions(pool, work, options, sizing),
        1,
        sizing.clients,
        context,
        (poolTarget, poolSubject) =>
          use((variant) =>
            variant === inline
              ? { target: inlineTarget(variant), subject: inlineSubject }
              : { target: poolTarget(variant), subject: poolSubject },
          ),
      ),
  );
}
