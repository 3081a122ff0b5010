// The one way a test waits for something: it polls a condition, and fails naming what it waited for.
import { setTimeout as sleep } from 'node:timers/promises';

/** A bound for failing, not an expectation: a condition that holds at all holds long before it. */
export const WAIT_BOUND_MS = 20_000;
/** How often the condition is asked. */
const POLL_MS = 10;

type Falsy = false | 0 | '' | null | undefined;

export interface WaitOptions {
  readonly timeoutMs?: number;
}

/**
 * Resolves with the condition's first truthy value. Rejects with "waited … for <what>" when it has
 * not held within `timeoutMs`; a condition that throws ends the wait with its own error.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  what: string,
  { timeoutMs = WAIT_BOUND_MS }: WaitOptions = {},
): Promise<Exclude<T, Falsy>> {
  const giveUpAtMs = performance.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as Exclude<T, Falsy>;
    if (performance.now() >= giveUpAtMs) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await sleep(POLL_MS);
  }
}
