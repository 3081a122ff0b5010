// The load runner's flags: names, defaults and ranges in one place, validated once into a frozen
// options object (options.ts). Server flags it passes through (--pool-size, --iterations) come from
// the server's own flags module; flags the pack's programs share, from cli/.
import { Command, Option } from 'commander';
import {
  DEFAULT_TIMEOUT_MS,
  defaultMaxQueue,
  maxQueueOption,
  timeoutOption,
  withVariantSettings,
} from '../server/flags.ts';
import { intInRange, type IntRange } from '../server/int-option.ts';
import { cpuVariantNames, variantNames, type VariantName } from '../server/variants/index.ts';
import { commaList, commaListOption, oneOf } from './cli/comma-list.ts';
import {
  checkReportsDir,
  CONNECTIONS_RANGE,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_WARMUP_SECONDS,
  type DurationChoice,
  durationOption,
  equivalenceMarginOption,
  durationSettings,
  maxDurationOption,
  minRoundsOption,
  noReportOption,
  repeatOption,
  reportsDirOption,
  settingsOf,
  warmupOption,
} from './cli/common-flags.ts';
import { type EngineFlags, enginesOf, withEngineOptions } from './cli/engine-flags.ts';
import { type OverloadFlags, overloadPlanOf, withOverloadOptions } from './cli/overload-flags.ts';
import { type UntilDecidedFlags, untilDecidedOf, withUntilDecided } from './cli/until-decided-flags.ts';
import { allowRemoteOption, labelOption, checkTargetFlags, targetOption, targetPidOption } from './cli/target-flags.ts';
import type { TargetUrl } from './load/target-url.ts';
import { withWorkload, workloadFit, type WorkloadFlags, workloadOf } from './cli/workload-flags.ts';
import { DEFAULT_PROBE_INTERVAL_MS } from './observe/health-probe.ts';
import type { LoadtestOptions, PlannedScenario } from './options.ts';
import type { VariantSettingValues } from './report/model.ts';
import { DEFAULT_SCENARIOS, scenarioNames, scenarios, type ScenarioName } from './scenarios/index.ts';
import type { Scenario } from './scenarios/types.ts';

/** --quick: a smoke run of the whole default pack in about 30 seconds. */
export const QUICK = { durationSeconds: 2, warmupSeconds: 1 } as const;
export const DEFAULT_REPEAT = 1;
export const PROBE_INTERVAL_RANGE: IntRange = { min: 5, max: 10_000 };
export const FAIL_ON_ERRORS_RANGE: IntRange = { min: 0, max: 1_000_000_000 };

const scenarioList = commaList(`a comma list of ${scenarioNames.join(', ')}`, oneOf(scenarioNames));
const variantList = commaList(`a comma list of ${variantNames.join(', ')}`, oneOf(variantNames));

/** A whole-number flag: its range is said in --help and enforced by the parser. */
function intOption(flag: string, description: string, range: IntRange, fallback?: number): Option {
  const option = new Option(flag, `${description} (${range.min}-${range.max})`).argParser(intInRange(range));
  return fallback === undefined ? option : option.default(fallback);
}

function loadtestCommand(): Command {
  const command = new Command('loadtest')
    .description('Runs scenarios against a fresh server per variant on 127.0.0.1 and reports what it measured')
    .addOption(
      commaListOption(
        '--scenario <list>',
        `comma list of scenarios (${scenarioNames.join(', ')})`,
        scenarioList,
        DEFAULT_SCENARIOS,
      ),
    )
    .addOption(
      new Option(
        '--variants <list>',
        `comma list of variants (default: each scenario's own; all: ${variantNames.join(',')})`,
      ).argParser(variantList),
    )
    .addOption(
      new Option(
        '--connections <n>',
        `closed-loop clients (${CONNECTIONS_RANGE.min}-${CONNECTIONS_RANGE.max}; default: the scenario's)`,
      ).argParser(intInRange(CONNECTIONS_RANGE)),
    )
    .addOption(durationOption('per variant', DEFAULT_DURATION_SECONDS))
    .addOption(maxDurationOption())
    .addOption(minRoundsOption())
    .addOption(warmupOption('each measurement', DEFAULT_WARMUP_SECONDS));
  return withUntilDecided(withOverloadOptions(withEngineOptions(withWorkload(withVariantSettings(command)))))
    .addOption(maxQueueOption())
    .addOption(timeoutOption())
    .addOption(repeatOption('fresh-server runs per variant; tables show median [min–max]', DEFAULT_REPEAT))
    .addOption(
      intOption(
        '--probe-interval-ms <ms>',
        'pace of the bystander GET /health probe',
        PROBE_INTERVAL_RANGE,
        DEFAULT_PROBE_INTERVAL_MS,
      ),
    )
    .addOption(
      new Option(
        '--fail-on-errors <n>',
        `exit 2 when a variant had more than n errors + timeouts + non-2xx answers (${FAIL_ON_ERRORS_RANGE.min}-${FAIL_ON_ERRORS_RANGE.max}; default: never)`,
      ).argParser(intInRange(FAIL_ON_ERRORS_RANGE)),
    )
    .addOption(targetOption('variants'))
    .addOption(targetPidOption())
    .addOption(labelOption())
    .addOption(allowRemoteOption())
    .addOption(
      new Option(
        '--new-connection',
        'a new connection for every request, closed after the answer (like curl), instead of keep-alive',
      ),
    )
    .addOption(
      new Option(
        '--quick',
        `smoke run: ${QUICK.durationSeconds} s measured, ${QUICK.warmupSeconds} s warm-up`,
      ).conflicts(['duration', 'maxDuration', 'warmup']),
    )
    .addOption(equivalenceMarginOption())
    .addOption(noReportOption('the table'))
    .addOption(reportsDirOption())
    .exitOverride();
}

interface RawOptions extends VariantSettingValues, WorkloadFlags, EngineFlags, OverloadFlags, UntilDecidedFlags {
  scenario: ScenarioName[];
  variants?: VariantName[];
  connections?: number;
  duration?: DurationChoice;
  maxDuration: number;
  minRounds?: number;
  warmup: number;
  repeat: number;
  equivalenceMargin: number;
  probeIntervalMs: number;
  maxQueue?: number;
  timeoutMs?: number;
  failOnErrors?: number;
  quick?: boolean;
  target?: TargetUrl;
  targetPid?: number;
  label: string;
  allowRemote?: boolean;
  newConnection?: boolean;
  report: boolean;
  reportsDir: string;
}

/** Parses the runner's argv (without node and script). Throws commander's error on bad input. */
export function parseLoadtestArgs(argv: readonly string[]): LoadtestOptions {
  const command = loadtestCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  checkTargetFlags(command, raw);
  checkReportsDir(command, raw);
  const fitting = workloadFit(command, raw);
  const quick = raw.quick === true;
  const planned = fitting === null ? raw.scenario : raw.scenario.filter(fitting.scenario);
  const plans = planned.map((name): PlannedScenario => {
    const scenario: Scenario = scenarios[name];
    const own = scenario.variants === 'cpu' ? cpuVariantNames : scenario.variants;
    return {
      scenario,
      variants: raw.variants ?? (fitting === null ? own : own.filter(fitting.variant)),
      connections: raw.connections ?? scenario.connections,
      maxQueue: raw.maxQueue ?? scenario.server?.maxQueue ?? defaultMaxQueue(raw.poolSize),
      timeoutMs: raw.timeoutMs ?? scenario.server?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      overload: overloadPlanOf(raw, scenario),
    };
  });
  return Object.freeze({
    plans,
    ...(quick
      ? durationSettings(QUICK.durationSeconds, raw.maxDuration, QUICK.durationSeconds)
      : durationSettings(raw.duration, raw.maxDuration, DEFAULT_DURATION_SECONDS)),
    minRounds: raw.minRounds,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    settings: settingsOf(raw),
    workload: workloadOf(raw),
    repeat: raw.repeat,
    untilDecided: untilDecidedOf(command, raw, Math.min(...plans.map((plan) => plan.variants.length))),
    equivalenceMargin: raw.equivalenceMargin,
    probeIntervalMs: raw.probeIntervalMs,
    failOnErrors: raw.failOnErrors ?? null,
    target: raw.target === undefined ? null : { url: raw.target, pid: raw.targetPid ?? null, label: raw.label },
    newConnection: raw.newConnection === true,
    engines: enginesOf(command, raw),
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}
