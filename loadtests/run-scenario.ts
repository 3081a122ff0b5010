// Runs one scenario: on each variant, a fresh server per variant, measured by measure.ts; or, with
// --target, the server the user points at. Measures; never renders.
import { DEFAULT_BLOCKING_IO_MS, SERVER_FLAGS, type ServerOptions } from '../server/flags.ts';
import { serverEnv, variants, type VariantName } from '../server/variants/index.ts';
import { workOf, type Variant } from '../server/variants/types.ts';
import type { LoadtestOptions, PlannedScenario } from './flags.ts';
import { measure, type RunContext } from './measure.ts';
import type { VariantRun } from './report/model.ts';
import { startServer } from './server-process.ts';
import { openExternalTarget, spawnedTarget } from './target.ts';

export type { RunContext } from './measure.ts';

export function serverOptionsFor(variant: VariantName, plan: PlannedScenario, options: LoadtestOptions): ServerOptions {
  return {
    variant,
    port: 0,
    work: plan.scenario.work,
    maxQueue: plan.maxQueue,
    timeoutMs: plan.timeoutMs,
    faultRoutes: false,
    quiet: false,
    blockingIoMs: DEFAULT_BLOCKING_IO_MS,
    ...options.settings,
  };
}

export async function runVariant(
  variant: VariantName,
  repetition: number,
  plan: PlannedScenario,
  context: RunContext,
): Promise<VariantRun> {
  const definition: Variant = variants[variant];
  const serverOptions = serverOptionsFor(variant, plan, context.options);
  if (definition.sizeSetting === 'workers' && plan.connections < serverOptions.workers) {
    context.say(
      `warning: ${variant} has ${serverOptions.workers} workers but only ${plan.connections} connections: node:cluster hands out connections, not requests, so some workers stay idle`,
    );
  }
  const server = await startServer(serverOptions, context.group, serverEnv(serverOptions));
  try {
    return await measure(
      spawnedTarget(variant, server),
      {
        repetition,
        work: workOf(definition, serverOptions),
        parallelism: definition.parallelism(serverOptions),
        poolSize: definition.sizeSetting === 'poolSize' ? serverOptions.poolSize : null,
        size:
          definition.sizeSetting === null
            ? null
            : { flag: SERVER_FLAGS[definition.sizeSetting], value: serverOptions[definition.sizeSetting] },
        ioMs: serverOptions.ioMs,
      },
      plan,
      context,
    );
  } finally {
    await server.stop();
  }
}

/**
 * Runs every planned variant in turn, one server at a time so they never share the cores; with
 * --repeat, the whole round again, so a slow spell of the machine does not hit one variant only.
 * With --target, the same rounds on the one server pointed at.
 */
export async function runScenario(plan: PlannedScenario, context: RunContext): Promise<VariantRun[]> {
  const { options } = context;
  const runs: VariantRun[] = [];
  if (options.target !== null) {
    const target = await openExternalTarget(options.target, context.targetLog ?? null);
    // The scenario's work kind says what the target is expected to do; its bound, if anyone knows it.
    const subject = {
      work: plan.scenario.work,
      parallelism: options.target.parallelism ?? null,
      poolSize: null,
      size: null,
      ioMs: options.settings.ioMs,
    };
    for (let repetition = 1; repetition <= options.repeat; repetition++)
      runs.push(await measure(target, { ...subject, repetition }, plan, context));
    return runs;
  }
  for (let repetition = 1; repetition <= options.repeat; repetition++) {
    for (const variant of plan.variants) runs.push(await runVariant(variant, repetition, plan, context));
  }
  return runs;
}
