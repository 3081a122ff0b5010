// Waits on a condition, not a clock: polls it until it holds, and fails with what was awaited.
import { setTimeout as sleep } from 'node:timers/promises';

/** Generous: the condition is what the test asserts; this bound only stops a hang. */
const WAIT_BOUND_MS = 10_000;
const POLL_MS = 20;

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < WAIT_BOUND_MS; waited += POLL_MS) {
    if (await condition()) return;
    await sleep(POLL_MS);
  }
  throw new Error(`gave up after ${WAIT_BOUND_MS} ms waiting for ${what}`);
}
