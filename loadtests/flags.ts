// The load runner's flags: names, defaults and ranges in one place, validated once into a frozen
// options object. Server flags it passes through (--pool-size, --iterations) come from the
// server's own flags module.
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_TIMEOUT_MS, defaultMaxQueue, iterationsOption, maxQueueOption, poolSizeOption, timeoutOption } from '../server/flags.ts';
import { intInRange, type IntRange } from '../server/int-option.ts';
import { isVariantName, variantNames, type VariantName } from '../server/variants/index.ts';
import { DEFAULT_SCENARIO, scenarioNames, scenarios, type ScenarioName } from './scenarios/index.ts';
import type { Scenario } from './scenarios/types.ts';

export interface LoadtestOptions {
  readonly scenario: Scenario;
  readonly variants: readonly VariantName[];
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly poolSize: number;
  readonly iterations: number;
  /** Passed to every server: from the flag, else the scenario, else the server's default. */
  readonly maxQueue: number;
  readonly timeoutMs: number;
  /** Exit non-zero when a variant had more failed requests than this; null: never. */
  readonly failOnErrors: number | null;
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

export const CONNECTIONS_RANGE: IntRange = { min: 1, max: 1_000 };
export const DEFAULT_DURATION_SECONDS = 10;
export const DURATION_RANGE: IntRange = { min: 1, max: 3_600 };
export const DEFAULT_WARMUP_SECONDS = 2;
export const WARMUP_RANGE: IntRange = { min: 0, max: 600 };
/** --quick: a smoke run of the whole pack in well under 30 seconds. */
export const QUICK = { durationSeconds: 3, warmupSeconds: 1 } as const;
export const FAIL_ON_ERRORS_RANGE: IntRange = { min: 0, max: 1_000_000_000 };
export const DEFAULT_REPORTS_DIR = fileURLToPath(new URL('../reports', import.meta.url));

function variantList(raw: string): VariantName[] {
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !isVariantName(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`Allowed: a comma list of ${variantNames.join(', ')}.`);
  }
  return [...new Set(names)].filter(isVariantName);
}

function loadtestCommand(): Command {
  return new Command('loadtest')
    .description('Runs a scenario against a fresh server per variant on 127.0.0.1 and reports what it measured')
    .addOption(new Option('--scenario <name>', 'what the clients do').choices(scenarioNames).default(DEFAULT_SCENARIO))
    .addOption(new Option('--variants <list>', `comma list of variants (default: the scenario's; all: ${variantNames.join(',')})`).argParser(variantList))
    .addOption(new Option('--connections <n>', `closed-loop clients (${CONNECTIONS_RANGE.min}-${CONNECTIONS_RANGE.max}; default: the scenario's)`).argParser(intInRange(CONNECTIONS_RANGE)))
    .addOption(new Option('--duration <seconds>', `measured seconds per variant (${DURATION_RANGE.min}-${DURATION_RANGE.max})`).argParser(intInRange(DURATION_RANGE)).default(DEFAULT_DURATION_SECONDS))
    .addOption(new Option('--warmup <seconds>', `uncounted seconds before each measurement (${WARMUP_RANGE.min}-${WARMUP_RANGE.max})`).argParser(intInRange(WARMUP_RANGE)).default(DEFAULT_WARMUP_SECONDS))
    .addOption(poolSizeOption())
    .addOption(iterationsOption())
    .addOption(maxQueueOption())
    .addOption(timeoutOption())
    .addOption(new Option('--fail-on-errors <n>', `exit non-zero when a variant had more than n errors + timeouts + non-2xx answers (${FAIL_ON_ERRORS_RANGE.min}-${FAIL_ON_ERRORS_RANGE.max}; default: never)`).argParser(intInRange(FAIL_ON_ERRORS_RANGE)))
    .addOption(new Option('--quick', `smoke run: ${QUICK.durationSeconds} s measured, ${QUICK.warmupSeconds} s warm-up`).conflicts(['duration', 'warmup']))
    .addOption(new Option('--no-report', 'print the table only; write nothing to reports/'))
    .addOption(new Option('--reports-dir <path>', 'where reports are written').default(DEFAULT_REPORTS_DIR, 'reports/'))
    .exitOverride();
}

interface RawOptions {
  scenario: ScenarioName;
  variants?: VariantName[];
  connections?: number;
  duration: number;
  warmup: number;
  poolSize: number;
  iterations: number;
  maxQueue?: number;
  timeoutMs?: number;
  failOnErrors?: number;
  quick?: boolean;
  report: boolean;
  reportsDir: string;
}

/** Parses the runner's argv (without node and script). Throws commander's error on bad input. */
export function parseLoadtestArgs(argv: readonly string[]): LoadtestOptions {
  const raw = loadtestCommand().parse([...argv], { from: 'user' }).opts<RawOptions>();
  const scenario: Scenario = scenarios[raw.scenario];
  const quick = raw.quick === true;
  return Object.freeze({
    scenario,
    variants: raw.variants ?? (scenario.variants === 'all' ? variantNames : scenario.variants),
    connections: raw.connections ?? scenario.connections,
    durationSeconds: quick ? QUICK.durationSeconds : raw.duration,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    poolSize: raw.poolSize,
    iterations: raw.iterations,
    maxQueue: raw.maxQueue ?? scenario.server?.maxQueue ?? defaultMaxQueue(raw.poolSize),
    timeoutMs: raw.timeoutMs ?? scenario.server?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    failOnErrors: raw.failOnErrors ?? null,
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}
