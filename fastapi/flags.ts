// `make fastapi`'s flags, validated once into a frozen options object. The load runner's own
// flags are built from these, so each row is measured through the same --target path a user has.
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { DurationSettings } from '../loadtests/measure/window-plan.ts';
import { ITERATIONS_RANGE, SERVER_FLAGS } from '../server/flags.ts';
import { intInRange, type IntRange } from '../server/int-option.ts';
import { DEFAULT_ITERATIONS } from '../server/work.ts';
import { commaList, commaListOption } from '../loadtests/cli/comma-list.ts';
import {
  checkReportsDir,
  CONNECTIONS_RANGE,
  durationOption,
  durationSettings,
  DURATION_RANGE,
  minRoundsOption,
  noReportOption,
  reportsDirOption,
  warmupOption,
} from '../loadtests/cli/common-flags.ts';

/** The original's loop: about 2–3 s a request in CPython 3.11 on this project's 2-core machine. */
export const DEFAULT_LOOP_ITERATIONS = 100_000_000;
/** Up to ten times the original. */
export const LOOP_ITERATIONS_RANGE: IntRange = { min: 1, max: 10 * DEFAULT_ITERATIONS };
/**
 * The original ran 4; "numerous requests at once": 16 `def` threads competing for the GIL. The largest
 * count decides and gets the replicates; 64 (past anyio's 40 threads) costs too long a row to replicate.
 */
export const DEFAULT_CLIENTS = [1, 4, 16] as const;
/** Runs of each claim route at the deciding count, the first included: as many as fit the default's old 49 min. */
export const DEFAULT_MAX_REPLICATES = 5;
export const MAX_REPLICATES_RANGE: IntRange = { min: 1, max: 20 };
const MAX_CLIENT_COUNTS = 8;
/** The shortest window of a row; it grows to FASTAPI_WINDOW_ROUNDS rounds when those are longer. */
export const DEFAULT_DURATION_SECONDS = 10;
/**
 * Rounds (every client answered once) each row's window holds. Answers of one client come a round
 * apart, so one round can miss a client by a hair; two see every client answered, most of them
 * twice, and each further round adds one round to every row (160 s per one-at-a-time row at 64 clients).
 */
export const FASTAPI_WINDOW_ROUNDS = 2;
/**
 * The longest window of a row: the bound of the whole run, above the longest window the rounds ask
 * for (64 clients × 2.5 s one at a time = 160 s a round, 320 s for two), with room for a slower machine.
 */
export const DEFAULT_MAX_DURATION_SECONDS = 600;
export const DEFAULT_WARMUP_SECONDS = 3;
/** --quick: a smoke run of every model in under a minute, on a loop of a few tens of ms. */
export const QUICK = {
  clients: [1, 4],
  loopIterations: 1_000_000,
  iterations: 10_000_000,
  durationSeconds: 1,
  warmupSeconds: 0,
  maxReplicates: 2,
} as const;
/**
 * uvicorn's output and the apt log, under the folder the command runs from (git-ignored in a clone):
 * never inside an installed package, which is no place to write.
 */
export const WORK_DIR = resolve('work', 'fastapi');

export interface FastapiOptions extends DurationSettings {
  readonly minRounds: number;
  readonly clients: readonly number[];
  /** Most runs of each claim route at the deciding (largest) count, interleaved A B B A. */
  readonly maxReplicates: number;
  readonly warmupSeconds: number;
  /** Increments per Python request (LOOP_ITERATIONS of the apps). */
  readonly loopIterations: number;
  /** Increments per Node request (--iterations of the Node rows). */
  readonly iterations: number;
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

const clientList = commaList(
  `a comma list of 1 to ${MAX_CLIENT_COUNTS} client counts from ${CONNECTIONS_RANGE.min} to ${CONNECTIONS_RANGE.max}`,
  intInRange(CONNECTIONS_RANGE),
  MAX_CLIENT_COUNTS,
);

function fastapiCommand(): Command {
  return (
    new Command('fastapi')
      .description(
        "The original FastAPI experiment's claim, tested: async def, def, a process pool and uvicorn --workers beside Node's inline, pool and cluster, over several client counts",
      )
      .addOption(
        commaListOption(
          '--clients <list>',
          'closed-loop client counts; every model runs at each',
          (raw) => clientList(raw).sort((a, b) => a - b),
          DEFAULT_CLIENTS,
        ),
      )
      .addOption(durationOption('per row, at least', DEFAULT_DURATION_SECONDS, 'never'))
      .addOption(
        new Option(
          '--max-duration <seconds>',
          `the longest window of a row (${DURATION_RANGE.min}-${DURATION_RANGE.max})`,
        )
          .argParser(intInRange(DURATION_RANGE))
          .default(DEFAULT_MAX_DURATION_SECONDS),
      )
      .addOption(minRoundsOption(FASTAPI_WINDOW_ROUNDS))
      .addOption(
        new Option(
          '--max-replicates <n>',
          `most runs of async def and of def at the largest client count, interleaved A B B A until the claim is decided (${MAX_REPLICATES_RANGE.min}-${MAX_REPLICATES_RANGE.max})`,
        )
          .argParser(intInRange(MAX_REPLICATES_RANGE))
          .default(DEFAULT_MAX_REPLICATES),
      )
      .addOption(warmupOption('each row', DEFAULT_WARMUP_SECONDS))
      .addOption(
        new Option(
          '--loop-iterations <n>',
          `increments per Python request; the original's 100,000,000 takes seconds in CPython (${LOOP_ITERATIONS_RANGE.min}-${LOOP_ITERATIONS_RANGE.max})`,
        )
          .argParser(intInRange(LOOP_ITERATIONS_RANGE))
          .default(DEFAULT_LOOP_ITERATIONS),
      )
      // The Node rows' work unit: the server's own flag and range, passed on to the load runner.
      .addOption(
        new Option(
          `${SERVER_FLAGS.iterations} <n>`,
          `increments per Node request (${ITERATIONS_RANGE.min}-${ITERATIONS_RANGE.max})`,
        )
          .argParser(intInRange(ITERATIONS_RANGE))
          .default(DEFAULT_ITERATIONS),
      )
      .addOption(
        new Option(
          '--quick',
          `smoke run: clients ${QUICK.clients.join(',')}, ${QUICK.loopIterations.toLocaleString('en-US')} Python and ${QUICK.iterations.toLocaleString('en-US')} Node increments, ${QUICK.durationSeconds} s windows`,
        ).conflicts(['clients', 'duration', 'maxDuration', 'warmup', 'loopIterations', 'iterations', 'maxReplicates']),
      )
      .addOption(noReportOption('the table'))
      .addOption(reportsDirOption())
      .exitOverride()
  );
}

interface RawOptions {
  clients: number[];
  duration: number;
  maxDuration: number;
  minRounds: number;
  maxReplicates: number;
  warmup: number;
  loopIterations: number;
  iterations: number;
  quick?: boolean;
  report: boolean;
  reportsDir: string;
}

export function parseFastapiArgs(argv: readonly string[]): FastapiOptions {
  const command = fastapiCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  checkReportsDir(command, raw);
  const quick = raw.quick === true;
  return Object.freeze({
    ...(quick
      ? durationSettings(QUICK.durationSeconds, raw.maxDuration, QUICK.durationSeconds)
      : durationSettings(raw.duration, raw.maxDuration, DEFAULT_DURATION_SECONDS, 'never')),
    minRounds: raw.minRounds,
    clients: quick ? QUICK.clients : raw.clients,
    maxReplicates: quick ? QUICK.maxReplicates : raw.maxReplicates,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    loopIterations: quick ? QUICK.loopIterations : raw.loopIterations,
    iterations: quick ? QUICK.iterations : raw.iterations,
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}

/** The load runner's argv every row shares: the curl-loops scenario, the same window; make fastapi writes the one report. */
export function commonLoadtestArgs(options: FastapiOptions, clients: number): string[] {
  return [
    '--no-report',
    '--scenario',
    'curl-loops',
    '--connections',
    String(clients),
    '--duration',
    String(options.durationSeconds),
    '--max-duration',
    String(options.maxDurationSeconds),
    '--min-rounds',
    String(options.minRounds),
    '--warmup',
    String(options.warmupSeconds),
    SERVER_FLAGS.iterations,
    String(options.iterations),
  ];
}
