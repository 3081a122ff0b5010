// The one parser of comma lists (--scenario, --variants, --sizes, --clients…): items trimmed,
// repeats dropped in first-seen order, an empty item (a doubled or trailing comma) refused.
import { InvalidArgumentError, Option } from 'commander';
import { type IntRange, intInRange } from '../../server/int-option.ts';

/**
 * A commander argParser for a comma list. `allowed` completes "Allowed: …" in the one-line error
 * (commander names the flag and the value); `item` parses one item and throws when it is not allowed.
 */
export function commaList<T>(allowed: string, item: (raw: string) => T, maxItems = Number.POSITIVE_INFINITY) {
  return (raw: string): T[] => {
    const items = raw.split(',').map((part) => part.trim());
    if (items.includes('')) throw new InvalidArgumentError(`Allowed: ${allowed}, with no empty item.`);
    if (items.length > maxItems) throw new InvalidArgumentError(`Allowed: ${allowed}.`);
    try {
      return [...new Set(items.map(item))];
    } catch {
      throw new InvalidArgumentError(`Allowed: ${allowed}.`);
    }
  };
}

/** A comma list of up to `maxItems` whole numbers in `range`, sorted: a sweep's points are read in order. */
export function sortedIntList(range: IntRange, maxItems: number): (raw: string) => number[] {
  const allowed = `a comma list of 1 to ${maxItems} whole numbers from ${range.min} to ${range.max}`;
  const list = commaList(allowed, intInRange(range), maxItems);
  return (raw) => list(raw).sort((a, b) => a - b);
}

/** An item parser that accepts one of `names`. */
export function oneOf<Name extends string>(names: readonly Name[]): (raw: string) => Name {
  return (raw) => {
    const name = names.find((known) => known === raw);
    if (name === undefined) throw new InvalidArgumentError(`unknown name ${raw}`);
    return name;
  };
}

/** A comma-list flag whose default --help shows as the list itself. */
export function commaListOption<T>(
  flags: string,
  description: string,
  parse: (raw: string) => T[],
  defaults?: readonly T[],
): Option {
  const option = new Option(flags, description).argParser(parse);
  // Without defaults the flag is absent unless given (the program chooses, e.g. around a prediction).
  return defaults === undefined ? option : option.default([...defaults], defaults.join(','));
}
