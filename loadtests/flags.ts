// The load runner's flags: names, defaults and ranges in one place, validated once into a frozen
// options object. Server flags it passes through (--pool-size, --iterations) come from the
// server's own flags module.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_TIMEOUT_MS,
  defaultMaxQueue,
  maxQueueOption,
  timeoutOption,
  withVariantSettings,
  type ServerOptions,
} from '../server/flags.ts';
import { intInRange, type IntRange } from '../server/int-option.ts';
import { cpuVariantNames, isVariantName, variantNames, type VariantName } from '../server/variants/index.ts';
import { DEFAULT_SCENARIOS, scenarioNames, scenarios, type ScenarioName } from './scenarios/index.ts';
import type { Scenario } from './scenarios/types.ts';
import { DEFAULT_PROBE_INTERVAL_MS } from './observe/health-probe.ts';
import { parseTargetUrl, TargetUrlError, type TargetUrl } from './load/target-url.ts';

/** The server settings a run passes on to every server it starts. */
export type VariantSettingValues = Pick<
  ServerOptions,
  'poolSize' | 'workers' | 'uvThreads' | 'iterations' | 'sliceIterations' | 'ioMs'
>;

/** The variant settings out of a program's parsed flags. */
export function settingsOf(raw: VariantSettingValues): VariantSettingValues {
  const { poolSize, workers, uvThreads, iterations, sliceIterations, ioMs } = raw;
  return { poolSize, workers, uvThreads, iterations, sliceIterations, ioMs };
}

/** One scenario as this invocation runs it. */
export interface PlannedScenario {
  readonly scenario: Scenario;
  readonly variants: readonly VariantName[];
  readonly connections: number;
  /** Passed to its servers: from the flag, else the scenario, else the server's default. */
  readonly maxQueue: number;
  readonly timeoutMs: number;
}

/** --target: a server already running, measured instead of spawning one per variant. */
export interface TargetOptions {
  readonly url: TargetUrl;
  /** --target-pid: sampled with its descendants; null = CPU and threads not measured. */
  readonly pid: number | null;
  /** --label: the row's name. */
  readonly label: string;
  /**
   * Requests the target is known to work on at once, for its physical limit; a --target from the
   * command line leaves it out (no bound known). make fastapi: one per uvicorn worker (the GIL).
   */
  readonly parallelism?: number;
}

export interface LoadtestOptions {
  readonly plans: readonly PlannedScenario[];
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly settings: VariantSettingValues;
  /** Fresh-server runs per variant; tables show the median and the range. */
  readonly repeat: number;
  readonly probeIntervalMs: number;
  /** Exit non-zero when a variant had more failed requests than this; null: never. */
  readonly failOnErrors: number | null;
  /** null: spawn a fresh server per variant. */
  readonly target: TargetOptions | null;
  /** One connection per request, closed after the answer (curl), instead of keep-alive. */
  readonly newConnection: boolean;
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

export const CONNECTIONS_RANGE: IntRange = { min: 1, max: 1_000 };
export const DEFAULT_DURATION_SECONDS = 10;
export const DURATION_RANGE: IntRange = { min: 1, max: 3_600 };
export const DEFAULT_WARMUP_SECONDS = 2;
export const WARMUP_RANGE: IntRange = { min: 0, max: 600 };
/** --quick: a smoke run of the whole default pack in about 30 seconds. */
export const QUICK = { durationSeconds: 2, warmupSeconds: 1 } as const;
export const DEFAULT_REPEAT = 1;
export const REPEAT_RANGE: IntRange = { min: 1, max: 20 };
export const PROBE_INTERVAL_RANGE: IntRange = { min: 5, max: 10_000 };
export const FAIL_ON_ERRORS_RANGE: IntRange = { min: 0, max: 1_000_000_000 };
export const DEFAULT_TARGET_LABEL = 'target';
/** Linux's largest pid (pid_max on 64-bit). */
export const TARGET_PID_RANGE: IntRange = { min: 1, max: 4_194_304 };
export const LABEL_MAX_CHARS = 60;
export const DEFAULT_REPORTS_DIR = fileURLToPath(new URL('../reports', import.meta.url));

/** Checked before anything runs, so a run is not lost to a reports path that is a file. */
export function reportsDirOption(): Option {
  return new Option('--reports-dir <path>', 'where reports are written (made if missing)')
    .argParser((raw) => {
      if (existsSync(raw) && !statSync(raw).isDirectory())
        throw new InvalidArgumentError('Allowed: a folder, or a path where one can be made; this is a file.');
      return raw;
    })
    .default(DEFAULT_REPORTS_DIR, 'reports/');
}

function scenarioList(raw: string): ScenarioName[] {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0 || names.some((name) => !Object.hasOwn(scenarios, name))) {
    throw new InvalidArgumentError(`Allowed: a comma list of ${scenarioNames.join(', ')}.`);
  }
  return [...new Set(names)] as ScenarioName[];
}

function variantList(raw: string): VariantName[] {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isVariantName(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`Allowed: a comma list of ${variantNames.join(', ')}.`);
  }
  return [...new Set(names)].filter(isVariantName);
}

function targetUrl(raw: string): TargetUrl {
  try {
    return parseTargetUrl(raw);
  } catch (error) {
    if (error instanceof TargetUrlError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

function runningPid(raw: string): number {
  const pid = intInRange(TARGET_PID_RANGE)(raw);
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
  } catch (error) {
    // EPERM: it exists but belongs to another user; /proc still shows its CPU.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM')
      throw new InvalidArgumentError(`Allowed: the id of a running process; no process has id ${pid}.`);
  }
  return pid;
}

function label(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > LABEL_MAX_CHARS || /[|\n\r`]/.test(trimmed)) {
    throw new InvalidArgumentError(`Allowed: 1 to ${LABEL_MAX_CHARS} characters without |, backquotes or line breaks.`);
  }
  return trimmed;
}

function loadtestCommand(): Command {
  const command = new Command('loadtest')
    .description('Runs scenarios against a fresh server per variant on 127.0.0.1 and reports what it measured')
    .addOption(
      new Option('--scenario <list>', `comma list of scenarios (${scenarioNames.join(', ')})`)
        .argParser(scenarioList)
        .default(DEFAULT_SCENARIOS, DEFAULT_SCENARIOS.join(',')),
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
    .addOption(
      new Option('--duration <seconds>', `measured seconds per variant (${DURATION_RANGE.min}-${DURATION_RANGE.max})`)
        .argParser(intInRange(DURATION_RANGE))
        .default(DEFAULT_DURATION_SECONDS),
    )
    .addOption(
      new Option(
        '--warmup <seconds>',
        `uncounted seconds before each measurement (${WARMUP_RANGE.min}-${WARMUP_RANGE.max})`,
      )
        .argParser(intInRange(WARMUP_RANGE))
        .default(DEFAULT_WARMUP_SECONDS),
    );
  return withVariantSettings(command)
    .addOption(maxQueueOption())
    .addOption(timeoutOption())
    .addOption(
      new Option(
        '--repeat <n>',
        `fresh-server runs per variant; tables show median [min–max] (${REPEAT_RANGE.min}-${REPEAT_RANGE.max})`,
      )
        .argParser(intInRange(REPEAT_RANGE))
        .default(DEFAULT_REPEAT),
    )
    .addOption(
      new Option(
        '--probe-interval-ms <ms>',
        `pace of the bystander GET /health probe (${PROBE_INTERVAL_RANGE.min}-${PROBE_INTERVAL_RANGE.max})`,
      )
        .argParser(intInRange(PROBE_INTERVAL_RANGE))
        .default(DEFAULT_PROBE_INTERVAL_MS),
    )
    .addOption(
      new Option(
        '--fail-on-errors <n>',
        `exit non-zero when a variant had more than n errors + timeouts + non-2xx answers (${FAIL_ON_ERRORS_RANGE.min}-${FAIL_ON_ERRORS_RANGE.max}; default: never)`,
      ).argParser(intInRange(FAIL_ON_ERRORS_RANGE)),
    )
    .addOption(
      new Option(
        '--target <url>',
        'measure this running server instead of spawning one per variant; loopback only; {client} in the path becomes the client id, else it is appended',
      )
        .argParser(targetUrl)
        .conflicts('variants'),
    )
    .addOption(
      new Option(
        '--target-pid <pid>',
        "the --target server's process: its CPU and threads (with its descendants) are sampled",
      ).argParser(runningPid),
    )
    .addOption(
      new Option('--label <name>', "the --target row's name in the report")
        .argParser(label)
        .default(DEFAULT_TARGET_LABEL),
    )
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
      ).conflicts(['duration', 'warmup']),
    )
    .addOption(new Option('--no-report', 'print the table only; write nothing to reports/'))
    .addOption(reportsDirOption())
    .exitOverride();
}

interface RawOptions extends VariantSettingValues {
  scenario: ScenarioName[];
  variants?: VariantName[];
  connections?: number;
  duration: number;
  warmup: number;
  repeat: number;
  probeIntervalMs: number;
  maxQueue?: number;
  timeoutMs?: number;
  failOnErrors?: number;
  quick?: boolean;
  target?: TargetUrl;
  targetPid?: number;
  label: string;
  newConnection?: boolean;
  report: boolean;
  reportsDir: string;
}

/** Parses the runner's argv (without node and script). Throws commander's error on bad input. */
export function parseLoadtestArgs(argv: readonly string[]): LoadtestOptions {
  const command = loadtestCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  if (raw.target === undefined && raw.targetPid !== undefined)
    command.error("error: option '--target-pid <pid>' needs --target <url>");
  if (raw.target === undefined && command.getOptionValueSource('label') === 'cli')
    command.error("error: option '--label <name>' needs --target <url>");
  const quick = raw.quick === true;
  const plans = raw.scenario.map((name): PlannedScenario => {
    const scenario: Scenario = scenarios[name];
    return {
      scenario,
      variants: raw.variants ?? (scenario.variants === 'cpu' ? cpuVariantNames : scenario.variants),
      connections: raw.connections ?? scenario.connections,
      maxQueue: raw.maxQueue ?? scenario.server?.maxQueue ?? defaultMaxQueue(raw.poolSize),
      timeoutMs: raw.timeoutMs ?? scenario.server?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  });
  return Object.freeze({
    plans,
    durationSeconds: quick ? QUICK.durationSeconds : raw.duration,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    settings: settingsOf(raw),
    repeat: raw.repeat,
    probeIntervalMs: raw.probeIntervalMs,
    failOnErrors: raw.failOnErrors ?? null,
    target: raw.target === undefined ? null : { url: raw.target, pid: raw.targetPid ?? null, label: raw.label },
    newConnection: raw.newConnection === true,
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}
