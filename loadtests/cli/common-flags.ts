// Flags every program of the pack offers alike (loadtest, sweep, fastapi, bench): the window's
// ranges, where reports go, and the variant settings out of parsed flags. One spelling each.
import { existsSync, statSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { intInRange, type IntRange } from '../../server/int-option.ts';
import {
  AUTO_MAX_RELATIVE_HALF_WIDTH,
  AUTO_MIN_ANSWERS_PER_CLIENT,
  type AutoDuration,
  type DurationSettings,
  LONG_REQUEST_MS,
} from '../measure/window-plan.ts';
import type { VariantSettingValues } from '../report/model.ts';
import { DEFAULT_EQUIVALENCE_MARGIN } from '../stats/compare.ts';
import { reportsDirProblem } from '../report/write.ts';

export const CONNECTIONS_RANGE: IntRange = { min: 1, max: 1_000 };
export const DEFAULT_DURATION_SECONDS = 10;
export const DURATION_RANGE: IntRange = { min: 1, max: 3_600 };
export const DEFAULT_WARMUP_SECONDS = 2;
/** The longest an automatic window may grow. */
export const DEFAULT_MAX_DURATION_SECONDS = 180;
/** What --duration takes: whole seconds, or `auto`. */
export type DurationChoice = number | 'auto';
export const WARMUP_RANGE: IntRange = { min: 0, max: 600 };
export const REPEAT_RANGE: IntRange = { min: 1, max: 20 };
/** reports/ of the folder the command runs from: the clone under make, the user's project under npx. */
export const DEFAULT_REPORTS_DIR = 'reports';

/**
 * --duration: `per` says what one window measures, e.g. "per variant"; `whenAbsent` says what a
 * run without the flag does ('when-long': `fallback` seconds, auto when a request is long;
 * 'never': whole seconds only, `fallback` by default, and no auto at all).
 */
export function durationOption(per: string, fallback: number, whenAbsent: AutoDuration = 'when-long'): Option {
  const seconds = intInRange(DURATION_RANGE);
  const range = `${DURATION_RANGE.min}-${DURATION_RANGE.max}`;
  if (whenAbsent === 'never')
    return new Option('--duration <seconds>', `measured seconds ${per} (${range})`)
      .argParser(seconds)
      .default(fallback);
  const absent =
    whenAbsent === 'always' ? 'auto' : `${fallback}, or auto when one request takes over ${LONG_REQUEST_MS} ms`;
  return new Option(
    '--duration <seconds|auto>',
    `measured seconds ${per} (${range}), or auto: at least ${fallback} s, until every client has ${AUTO_MIN_ANSWERS_PER_CLIENT} answers and req/s is within ±${AUTO_MAX_RELATIVE_HALF_WIDTH * 100}% (default: ${absent})`,
  ).argParser((raw): DurationChoice => {
    if (raw === 'auto') return 'auto';
    try {
      return seconds(raw);
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      throw new InvalidArgumentError(`${error.message.replace(/\.$/, '')}, or auto.`);
    }
  });
}

/** --max-duration: the bound of an automatic window. */
export function maxDurationOption(): Option {
  return new Option(
    '--max-duration <seconds>',
    `the longest an automatic window may be (${DURATION_RANGE.min}-${DURATION_RANGE.max})`,
  )
    .argParser(intInRange(DURATION_RANGE))
    .default(DEFAULT_MAX_DURATION_SECONDS);
}

export const MIN_ROUNDS_RANGE: IntRange = { min: 1, max: 20 };

/** --min-rounds: a window of at least n rounds (every client answered once each); `fallback` absent: none. */
export function minRoundsOption(fallback?: number): Option {
  const option = new Option(
    '--min-rounds <n>',
    `the window lasts at least n rounds, a round being every client answered once (clients × one request alone ÷ requests at once), up to --max-duration (${MIN_ROUNDS_RANGE.min}-${MIN_ROUNDS_RANGE.max})`,
  ).argParser(intInRange(MIN_ROUNDS_RANGE));
  return fallback === undefined ? option : option.default(fallback);
}

/** The window settings out of --duration (absent, seconds or auto) and --max-duration. */
export function durationSettings(
  choice: DurationChoice | undefined,
  maxDurationSeconds: number,
  fallback: number,
  whenAbsent: AutoDuration = 'when-long',
): DurationSettings {
  if (choice === undefined) return { durationSeconds: fallback, autoDuration: whenAbsent, maxDurationSeconds };
  if (choice === 'auto') return { durationSeconds: fallback, autoDuration: 'always', maxDurationSeconds };
  return { durationSeconds: choice, autoDuration: 'never', maxDurationSeconds };
}

/** --warmup: `before` says what the uncounted load precedes, e.g. "each point". */
export function warmupOption(before: string, fallback: number): Option {
  return new Option(
    '--warmup <seconds>',
    `uncounted seconds before ${before} (${WARMUP_RANGE.min}-${WARMUP_RANGE.max})`,
  )
    .argParser(intInRange(WARMUP_RANGE))
    .default(fallback);
}

/** --repeat: fresh-server runs of each row or point; `what` says what is repeated and how it is shown. */
export function repeatOption(what: string, fallback: number): Option {
  return new Option('--repeat <n>', `${what} (${REPEAT_RANGE.min}-${REPEAT_RANGE.max})`)
    .argParser(intInRange(REPEAT_RANGE))
    .default(fallback);
}

/** --equivalence-margin's range, in percent. */
export const EQUIVALENCE_MARGIN_RANGE = { min: 0.1, max: 50 } as const;

/** --equivalence-margin <percent>: ratios within ± this count as the same (TOST); parsed as a share (0.05). */
export function equivalenceMarginOption(): Option {
  const { min, max } = EQUIVALENCE_MARGIN_RANGE;
  return new Option(
    '--equivalence-margin <percent>',
    `two figures whose ratio is shown within ± this are "equivalent" (${min}-${max})`,
  )
    .argParser((raw) => {
      const percent = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
      if (!(percent >= min && percent <= max))
        throw new InvalidArgumentError(`Allowed: a percentage from ${min} to ${max}.`);
      return percent / 100;
    })
    .default(DEFAULT_EQUIVALENCE_MARGIN, `${DEFAULT_EQUIVALENCE_MARGIN * 100}`);
}

/** --no-report; `printed` is what the program still prints without one ("the table"). */
export function noReportOption(printed: string): Option {
  return new Option('--no-report', `print ${printed} only; write nothing to reports/`);
}

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

/**
 * Before any load: makes the reports folder if missing and writes a probe file there, so a run is
 * not measured only to fail at the end. One line naming the flag (commander's form) when it cannot.
 */
export function checkReportsDir(
  command: Command,
  options: { readonly report: boolean; readonly reportsDir: string },
): void {
  if (!options.report) return;
  const problem = reportsDirProblem(options.reportsDir);
  if (problem === null) return;
  command.error(
    `error: option '--reports-dir <path>' argument '${options.reportsDir}' is invalid. Allowed: a folder this run can write to, or a path where one can be made; ${problem}.`,
  );
}

/** The variant settings out of a program's parsed flags (withVariantSettings in server/flags.ts). */
export function settingsOf(raw: VariantSettingValues): VariantSettingValues {
  const { poolSize, workers, uvThreads, iterations, sliceIterations, ioMs, blockingIoMs } = raw;
  return { poolSize, workers, uvThreads, iterations, sliceIterations, ioMs, blockingIoMs };
}
