// The flags of `make crossover`: which CPU costs per request and which body sizes, how long each
// window, and the user's --handler. Validated once into a frozen options object.
import { Command, Option } from 'commander';
import { type IntRange, intInRange } from '../../server/int-option.ts';
import type { TransferMode } from '../../server/options.ts';
import { BODY_BYTES_RANGE, handlerOption, transferOption } from '../../server/workload-flags.ts';
import { commaListOption, sortedIntList } from '../cli/comma-list.ts';
import {
  checkReportsDir,
  durationOption,
  noReportOption,
  reportsDirOption,
  warmupOption,
} from '../cli/common-flags.ts';
import { handlerIdentity } from '../observe/handler-identity.ts';
import type { CrossoverParameters } from './model.ts';

export interface CrossoverOptions {
  /** The loop's CPU time per request at each point, in µs, ascending. */
  readonly cpuMicros: readonly number[];
  /** Body sizes, in bytes, ascending; 0 = GET. */
  readonly payloads: readonly number[];
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  /** The run's time bound: past it, each point stops once both variants have the runs a first look needs. */
  readonly maxDurationSeconds: number;
  readonly transfer: TransferMode;
  readonly handlerPath: string | null;
  readonly handler: CrossoverParameters['handler'];
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

/** 7 points about a factor of 5 apart: a few µs to tens of ms. */
export const DEFAULT_CPU_MICROS = [2, 10, 50, 250, 1_000, 5_000, 30_000] as const;
/** A GET, a mid-size and a large body (a 1 KiB body behaves as a GET does). */
export const DEFAULT_PAYLOADS = [0, 65_536, 1_048_576] as const;
/** Per window: 21 points × two runs of each variant make about 3 minutes on 2 cores. */
export const DEFAULT_DURATION_SECONDS = 1;
export const DEFAULT_WARMUP_SECONDS = 1;
/** Further runs of undecided points stop here; every point still gets the two runs a first look needs. */
export const DEFAULT_MAX_DURATION_SECONDS = 200;
const MAX_DURATION_RANGE: IntRange = { min: 1, max: 3_600 };
/** --quick: 2 points × 2 body sizes, two runs each, no warm-up beyond the windows' first requests: under 45 s. */
export const QUICK = {
  cpuMicros: [100, 10_000],
  payloads: [0, 65_536],
  durationSeconds: 1,
  warmupSeconds: 0,
  maxDurationSeconds: 30,
} as const;
/** From one µs (the HTTP round trip alone costs more) to a second of CPU per request. */
export const CPU_MICROS_RANGE: IntRange = { min: 1, max: 1_000_000 };
const MAX_POINTS = 16;
const MAX_PAYLOADS = 8;

function crossoverCommand(): Command {
  return new Command('crossover')
    .description('Finds, per body size, the CPU time per request above which the pool serves more than inline')
    .addOption(
      commaListOption(
        '--cpu-micros <list>',
        `the loop's CPU time per request at each point, in µs (${CPU_MICROS_RANGE.min}-${CPU_MICROS_RANGE.max})`,
        sortedIntList(CPU_MICROS_RANGE, MAX_POINTS),
        DEFAULT_CPU_MICROS,
      ),
    )
    .addOption(
      commaListOption(
        '--payloads <list>',
        `body sizes in bytes, 0 = GET (${BODY_BYTES_RANGE.min}-${BODY_BYTES_RANGE.max})`,
        sortedIntList(BODY_BYTES_RANGE, MAX_PAYLOADS),
        DEFAULT_PAYLOADS,
      ),
    )
    .addOption(durationOption('per window', DEFAULT_DURATION_SECONDS, 'never'))
    .addOption(warmupOption("each server's first window", DEFAULT_WARMUP_SECONDS))
    .addOption(
      new Option(
        '--max-duration <seconds>',
        `the run's bound: undecided points get further runs until then (${MAX_DURATION_RANGE.min}-${MAX_DURATION_RANGE.max})`,
      )
        .argParser(intInRange(MAX_DURATION_RANGE))
        .default(DEFAULT_MAX_DURATION_SECONDS),
    )
    .addOption(handlerOption())
    .addOption(transferOption())
    .addOption(
      new Option(
        '--quick',
        `a smoke run of under 45 s: ${QUICK.cpuMicros.join(',')} µs, bodies of ${QUICK.payloads.join(',')} bytes`,
      ).conflicts(['cpuMicros', 'payloads', 'duration', 'warmup', 'maxDuration']),
    )
    .addOption(noReportOption('the tables'))
    .addOption(reportsDirOption())
    .exitOverride();
}

interface RawOptions {
  cpuMicros: number[];
  payloads: number[];
  duration: number;
  warmup: number;
  maxDuration: number;
  handler?: string;
  transfer: TransferMode;
  quick?: boolean;
  report: boolean;
  reportsDir: string;
}

export function parseCrossoverArgs(argv: readonly string[]): CrossoverOptions {
  const command = crossoverCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  checkReportsDir(command, raw);
  const quick = raw.quick === true;
  const handlerPath = raw.handler ?? null;
  return Object.freeze({
    cpuMicros: quick ? QUICK.cpuMicros : raw.cpuMicros,
    payloads: quick ? QUICK.payloads : raw.payloads,
    durationSeconds: quick ? QUICK.durationSeconds : raw.duration,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    maxDurationSeconds: quick ? QUICK.maxDurationSeconds : raw.maxDuration,
    transfer: raw.transfer,
    handlerPath,
    handler: handlerPath === null ? null : handlerIdentity(handlerPath),
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}
