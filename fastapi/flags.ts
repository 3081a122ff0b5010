// `make fastapi`'s flags, validated once into a frozen options object. The load runner's own
// flags are built from these, so each row is measured through the same --target path a user has.
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { DurationSettings } from '../loadtests/measure/window-plan.ts';
import { ITERATIONS_RANGE, SERVER_FLAGS } from '../server/flags.ts';
import { intInRange, type IntRange } from '../server/int-option.ts';
import { DEFAULT_ITERATIONS } from '../server/work.ts';
import {
  checkReportsDir,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_WARMUP_SECONDS,
  type DurationChoice,
  durationOption,
  durationSettings,
  maxDurationOption,
  noReportOption,
  reportsDirOption,
  warmupOption,
} from '../loadtests/cli/common-flags.ts';

/**
 * About half a second to a second a request in CPython 3.11 on this project's 2-core test machine
 * (the original's 100,000,000 takes about twice that), so the automatic window gathers its ten
 * answers per client in about a minute per row. --loop-iterations 100000000 restores the original.
 */
export const DEFAULT_LOOP_ITERATIONS = 50_000_000;
/** Up to the original's 100,000,000 and ten times more. */
export const LOOP_ITERATIONS_RANGE: IntRange = { min: 1, max: 10 * DEFAULT_ITERATIONS };
/** The git-ignored folder for uvicorn's output and the apt log. */
export const WORK_DIR = fileURLToPath(new URL('../work/fastapi', import.meta.url));

export interface FastapiOptions extends DurationSettings {
  readonly warmupSeconds: number;
  /** Increments per Python request (LOOP_ITERATIONS of the apps). */
  readonly loopIterations: number;
  /** Increments per Node request (--iterations of the Node rows). */
  readonly iterations: number;
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

function fastapiCommand(): Command {
  return (
    new Command('fastapi')
      .description(
        'The original FastAPI experiment (async def, def, def with 2 workers) beside the Node inline and pool variants, measured the same way',
      )
      .addOption(durationOption('per row', DEFAULT_DURATION_SECONDS, 'always'))
      .addOption(maxDurationOption())
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
      .addOption(noReportOption('the table'))
      .addOption(reportsDirOption())
      .exitOverride()
  );
}

interface RawOptions {
  duration?: DurationChoice;
  maxDuration: number;
  warmup: number;
  loopIterations: number;
  iterations: number;
  report: boolean;
  reportsDir: string;
}

export function parseFastapiArgs(argv: readonly string[]): FastapiOptions {
  const command = fastapiCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  checkReportsDir(command, raw);
  return Object.freeze({
    ...durationSettings(raw.duration, raw.maxDuration, DEFAULT_DURATION_SECONDS, 'always'),
    warmupSeconds: raw.warmup,
    loopIterations: raw.loopIterations,
    iterations: raw.iterations,
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}

/** The load runner's argv every row shares: the curl-loops scenario, the same window; make fastapi writes the one report. */
export function commonLoadtestArgs(options: FastapiOptions): string[] {
  return [
    '--no-report',
    '--scenario',
    'curl-loops',
    '--duration',
    options.autoDuration === 'always' ? 'auto' : String(options.durationSeconds),
    '--max-duration',
    String(options.maxDurationSeconds),
    '--warmup',
    String(options.warmupSeconds),
    SERVER_FLAGS.iterations,
    String(options.iterations),
  ];
}
