// Puts a scenario's measured runs together into the report value: what the renderers and the .json
// twin read. Pure: provenance and parameters come in already gathered by the runner.
import {
  REPORT_FORMAT_VERSION,
  type Provenance,
  type Report,
  type ReportParameters,
  type ReportRow,
  type VariantRun,
} from './model.ts';
import { comparisonsOf } from './comparisons.ts';
import { engineNotes } from './engine-findings.ts';
import { isMeasured } from './runs.ts';

/** Ratios are taken against the async-style variant when it ran, else the first one that did. */
const PREFERRED_BASELINE = 'inline';

export interface ReportInput {
  readonly scenario: { readonly name: string; readonly description: string };
  readonly parameters: ReportParameters;
  /** Gathered by the runner at the start of the scenario (observe/provenance.ts). */
  readonly provenance: Provenance;
  /** Measured and failed rows, in the order run. */
  readonly runs: readonly ReportRow[];
  /** Facts about how some rows were measured that only the caller knows. */
  readonly notes?: readonly string[];
}

/** How each --target row was measured, from what the run found out about it. */
function targetNotes(runs: readonly VariantRun[]): string[] {
  const seen = new Set<string>();
  return runs.flatMap((run) => {
    if (run.target === null || seen.has(run.variant)) return [];
    seen.add(run.variant);
    const { url, pid, hasStats, logged, startedBy } = run.target;
    const process =
      pid !== null
        ? `CPU and threads sampled from pid ${pid} and its descendants`
        : run.server.cpuPercent !== null
          ? 'no --target-pid: CPU % and threads as the server read them of itself (its /stats), over the window'
          : 'no --target-pid, so its CPU % and threads were not sampled';
    const stats = hasStats
      ? 'in-flight and event-loop figures from its /stats'
      : 'no /stats, so event-loop and pool figures were not measured';
    const log = logged
      ? 'max in flight and timelines from its own start/end lines, timestamped by the runner as they arrived'
      : 'its start/end lines were not read, so timelines are empty' +
        (hasStats ? '' : ' and max in flight was not measured');
    const connection = run.newConnection ? 'a new connection per request' : 'keep-alive connections';
    const server =
      startedBy === null
        ? `a server already running at ${url}, not started by this run`
        : `${startedBy} at ${url}, measured like a --target`;
    return [
      `\`${run.variant}\`: ${server}; ${connection}; ${process}; ${stats}; ${log}; the /health bystander counts any answer.`,
    ];
  });
}

export function assembleReport(input: ReportInput): Report {
  const { runs } = input;
  const measured = runs.filter(isMeasured);
  const baseline = measured.some((run) => run.variant === PREFERRED_BASELINE)
    ? PREFERRED_BASELINE
    : (measured[0]?.variant ?? PREFERRED_BASELINE);
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    scenario: input.scenario.name,
    scenarioDescription: input.scenario.description,
    ...input.provenance,
    parameters: input.parameters,
    notes: [...targetNotes(measured), ...engineNotes(measured), ...(input.notes ?? [])],
    baseline,
    runs,
    comparisons: comparisonsOf(measured, baseline, input.parameters.equivalenceMargin),
  };
}
