// `make bench`'s flags: names, defaults and ranges in one place, validated once into a frozen
// options object. Server settings it passes on (--iterations) come from the server's flags.
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { checkReportsDir, noReportOption, reportsDirOption } from '../loadtests/cli/common-flags.ts';
import { ITERATIONS_RANGE, SERVER_FLAGS } from '../server/flags.ts';
import { intInRange, type IntRange } from '../server/int-option.ts';
import { DEFAULT_ITERATIONS } from '../server/work.ts';

export interface BenchOptions {
  /** Figure 1: autocannon connections, seconds per run, A/B pairs, warm-up per server. */
  readonly connections: number;
  readonly durationSeconds: number;
  readonly pairs: number;
  readonly warmupSeconds: number;
  /** Figures 3 and 4: closed-loop clients and measured seconds per variant. */
  readonly limitConnections: number;
  readonly limitDurationSeconds: number;
  readonly iterations: number;
  /** Figure 2: round-trips timed per series. */
  readonly dispatchTasks: number;
  /** Figure 6: starts per server. */
  readonly startups: number;
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

/** The suggestion for figure 1: 50 connections, 10 s, at least 3 A/B pairs. */
export const DEFAULT_CONNECTIONS = 50;
export const CONNECTIONS_RANGE: IntRange = { min: 1, max: 1_000 };
export const DEFAULT_DURATION_SECONDS = 10;
export const DURATION_RANGE: IntRange = { min: 1, max: 600 };
export const DEFAULT_PAIRS = 3;
export const PAIRS_RANGE: IntRange = { min: 1, max: 20 };
export const DEFAULT_WARMUP_SECONDS = 2;
export const WARMUP_RANGE: IntRange = { min: 0, max: 60 };
/** Twice the cores: every pool thread always has a request queued behind the running one. */
export const DEFAULT_LIMIT_CONNECTIONS = 2 * availableParallelism();
export const DEFAULT_LIMIT_DURATION_SECONDS = 10;
export const DEFAULT_DISPATCH_TASKS = 5_000;
export const DISPATCH_TASKS_RANGE: IntRange = { min: 100, max: 1_000_000 };
export const DEFAULT_STARTUPS = 3;
export const STARTUPS_RANGE: IntRange = { min: 1, max: 20 };
/** --quick: a smoke run of every figure in well under a minute (numbers are not worth keeping). */
export const QUICK = {
  durationSeconds: 1,
  pairs: 1,
  warmupSeconds: 1,
  limitDurationSeconds: 2,
  dispatchTasks: 500,
  startups: 1,
} as const;

const int = (flag: string, description: string, range: IntRange, fallback: number): Option =>
  new Option(`${flag} <n>`, `${description} (${range.min}-${range.max})`)
    .argParser(intInRange(range))
    .default(fallback);

function benchCommand(): Command {
  return new Command('bench')
    .description(
      "Measures how close the pack's servers come to what the machine allows; writes reports/<stamp>-bench.md (+ .json)",
    )
    .addOption(int('--connections', 'figure 1: autocannon connections', CONNECTIONS_RANGE, DEFAULT_CONNECTIONS))
    .addOption(int('--duration', 'figure 1: measured seconds per run', DURATION_RANGE, DEFAULT_DURATION_SECONDS))
    .addOption(int('--pairs', 'figure 1: Hono / bare node:http pairs, alternated', PAIRS_RANGE, DEFAULT_PAIRS))
    .addOption(
      int('--warmup', 'uncounted seconds of load before measuring each server', WARMUP_RANGE, DEFAULT_WARMUP_SECONDS),
    )
    .addOption(
      int('--limit-connections', 'figures 3-4: closed-loop clients', CONNECTIONS_RANGE, DEFAULT_LIMIT_CONNECTIONS),
    )
    .addOption(
      int(
        '--limit-duration',
        'figures 3-4: measured seconds per variant',
        DURATION_RANGE,
        DEFAULT_LIMIT_DURATION_SECONDS,
      ),
    )
    .addOption(
      int(
        SERVER_FLAGS.iterations,
        'figures 3-4: increments per request, the work unit',
        ITERATIONS_RANGE,
        DEFAULT_ITERATIONS,
      ),
    )
    .addOption(
      int('--dispatch-tasks', 'figure 2: round-trips timed per series', DISPATCH_TASKS_RANGE, DEFAULT_DISPATCH_TASKS),
    )
    .addOption(int('--startups', 'figure 6: starts per server', STARTUPS_RANGE, DEFAULT_STARTUPS))
    .addOption(
      new Option(
        '--quick',
        `smoke run: ${QUICK.durationSeconds} s runs, ${QUICK.pairs} pair, ${QUICK.limitDurationSeconds} s limit runs`,
      ).conflicts(['duration', 'pairs', 'warmup', 'limitDuration', 'dispatchTasks', 'startups']),
    )
    .addOption(noReportOption('the summary'))
    .addOption(reportsDirOption())
    .exitOverride();
}

type RawOptions = Omit<BenchOptions, 'durationSeconds' | 'limitDurationSeconds' | 'warmupSeconds' | 'writeReport'> & {
  duration: number;
  limitDuration: number;
  warmup: number;
  quick?: boolean;
  report: boolean;
};

/** Parses bench's argv (without node and script). Throws commander's error on bad input. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const command = benchCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  checkReportsDir(command, raw);
  const quick = raw.quick === true;
  return Object.freeze({
    connections: raw.connections,
    durationSeconds: quick ? QUICK.durationSeconds : raw.duration,
    pairs: quick ? QUICK.pairs : raw.pairs,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    limitConnections: raw.limitConnections,
    limitDurationSeconds: quick ? QUICK.limitDurationSeconds : raw.limitDuration,
    iterations: raw.iterations,
    dispatchTasks: quick ? QUICK.dispatchTasks : raw.dispatchTasks,
    startups: quick ? QUICK.startups : raw.startups,
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}
