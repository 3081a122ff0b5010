// Flags every program of the pack offers alike (loadtest, sweep, fastapi, bench): the window's
// ranges, where reports go, and the variant settings out of parsed flags. One spelling each.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { intInRange, type IntRange } from '../../server/int-option.ts';
import type { VariantSettingValues } from '../report/model.ts';
import { reportsDirProblem } from '../report/write.ts';

export const CONNECTIONS_RANGE: IntRange = { min: 1, max: 1_000 };
export const DEFAULT_DURATION_SECONDS = 10;
export const DURATION_RANGE: IntRange = { min: 1, max: 3_600 };
export const DEFAULT_WARMUP_SECONDS = 2;
export const WARMUP_RANGE: IntRange = { min: 0, max: 600 };
export const DEFAULT_REPORTS_DIR = fileURLToPath(new URL('../../reports', import.meta.url));

/** --duration: `per` says what one window measures, e.g. "per variant". */
export function durationOption(per: string, fallback: number): Option {
  return new Option('--duration <seconds>', `measured seconds ${per} (${DURATION_RANGE.min}-${DURATION_RANGE.max})`)
    .argParser(intInRange(DURATION_RANGE))
    .default(fallback);
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
  const { poolSize, workers, uvThreads, iterations, sliceIterations, ioMs } = raw;
  return { poolSize, workers, uvThreads, iterations, sliceIterations, ioMs };
}
