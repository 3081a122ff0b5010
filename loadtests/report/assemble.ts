import type { LoadtestOptions, PlannedScenario } from '../flags.ts';
import { provenance } from '../observe/provenance.ts';
import { REPORT_FORMAT_VERSION, type Report, type VariantRun } from './model.ts';

/** Ratios are taken against the async-style variant when it ran, else the first one that did. */
const PREFERRED_BASELINE = 'inline';

/** How each --target row was measured, from what the run found out about it. */
function targetNotes(runs: readonly VariantRun[]): string[] {
  const seen = new Set<string>();
  return runs.flatMap((run) => {
    if (run.target === null || seen.has(run.variant)) return [];
    seen.add(run.variant);
    const { url, pid, hasStats, logged } = run.target;
    const process =
      pid === null
        ? 'no --target-pid, so its CPU % and threads were not sampled'
        : `CPU and threads sampled from pid ${pid} and its descendants`;
    const stats = hasStats
      ? 'in-flight and event-loop figures from its /stats'
      : 'no /stats, so event-loop and pool figures were not measured';
    const log = logged
      ? 'max in flight and timelines from its own start/end lines, timestamped by the runner as they arrived'
      : 'its start/end lines were not read, so timelines are empty' +
        (hasStats ? '' : ' and max in flight was not measured');
    const connection = run.newConnection ? 'a new connection per request' : 'keep-alive connections';
    return [
      `\`${run.variant}\`: a server already running at ${url}, not started by this run; ${connection}; ${process}; ${stats}; ${log}; the /health bystander counts any answer.`,
    ];
  });
}

export function assembleReport(
  options: LoadtestOptions,
  plan: PlannedScenario,
  runs: readonly VariantRun[],
  /** As a person would type it again (provenance.ts's commandLine for the load runner). */
  command: string,
  dateUtc: string,
  notes: readonly string[] = [],
): Report {
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    scenario: plan.scenario.name,
    scenarioDescription: plan.scenario.description,
    ...provenance(command, dateUtc),
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
    notes: [...targetNotes(runs), ...notes],
    baseline: runs.some((run) => run.variant === PREFERRED_BASELINE)
      ? PREFERRED_BASELINE
      : (runs[0]?.variant ?? PREFERRED_BASELINE),
    runs,
  };
}
