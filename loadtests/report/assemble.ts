import type { LoadtestOptions, PlannedScenario } from '../flags.ts';
import { provenance } from '../provenance.ts';
import { REPORT_FORMAT_VERSION, type Report, type VariantRun } from './model.ts';

/** Ratios are taken against the async-style variant when it ran, else the first one that did. */
const PREFERRED_BASELINE = 'inline';

export function assembleReport(
  options: LoadtestOptions,
  plan: PlannedScenario,
  runs: readonly VariantRun[],
  argv: readonly string[],
  dateUtc: string,
): Report {
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    scenario: plan.scenario.name,
    scenarioDescription: plan.scenario.description,
    ...provenance('loadtest', argv, dateUtc),
    parameters: {
      connections: plan.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      work: plan.scenario.work,
      settings: options.settings,
      repeat: options.repeat,
      probeIntervalMs: options.probeIntervalMs,
      maxQueue: plan.maxQueue,
      timeoutMs: plan.timeoutMs,
    },
    baseline: runs.some((run) => run.variant === PREFERRED_BASELINE) ? PREFERRED_BASELINE : (runs[0]?.variant ?? PREFERRED_BASELINE),
    runs,
  };
}
