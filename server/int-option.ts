// Whole-number flags within a range, for every program's commander options.
import { InvalidArgumentError, Option } from 'commander';

export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/**
 * A commander argument parser for a whole number within `range`. Digits may be grouped with
 * underscores (100_000_000). Commander turns the thrown error into one line that names the flag
 * and the value given; the message adds what is allowed.
 */
export function intInRange(range: IntRange): (raw: string) => number {
  return (raw) => {
    const value = /^\d+(_\d+)*$/.test(raw.trim()) ? Number(raw.trim().replaceAll('_', '')) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
      throw new InvalidArgumentError(`Allowed: a whole number from ${range.min} to ${range.max}.`);
    }
    return value;
  };
}

/** `--flag <n>` for a whole number within `range`, with its default; --help shows the range. */
export function intOption(
  flag: string,
  description: string,
  range: IntRange,
  fallback: number,
  fallbackText?: string,
): Option {
  return new Option(`${flag} <n>`, `${description} (${range.min}-${range.max})`)
    .argParser(intInRange(range))
    .default(fallback, fallbackText);
}
