import type { LoadtestOptions } from '../flags.ts';
import { commandLine, gitCommit, machine, packageVersions } from '../provenance.ts';
import { REPORT_FORMAT_VERSION, type Report, type VariantRun } from './model.ts';

/** Ratios are taken against the async-style variant when it ran, else the first one that did. */
const PREFERRED_BASELINE = 'inline';

export function assembleReport(options: LoadtestOptions, runs: readonly VariantRun[], argv: readonly string[], dateUtc: string): Report {
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    scenario: options.scenario.name,
    scenarioDescription: options.scenario.description,
    command: commandLine(argv),
    dateUtc,
    commit: gitCommit(),
    machine: machine(),
    packages: packageVersions(),
    parameters: {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      iterations: options.iterations,
      poolSize: options.poolSize,
      maxQueue: options.maxQueue,
      timeoutMs: options.timeoutMs,
    },
    baseline: runs.some((run) => run.variant === PREFERRED_BASELINE) ? PREFERRED_BASELINE : (runs[0]?.variant ?? PREFERRED_BASELINE),
    runs,
  };
}
