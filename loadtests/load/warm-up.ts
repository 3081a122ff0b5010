// The warm-up ends on two conditions, not one: its seconds have passed, and the clients have had
// enough answers. A clock alone ends too early when the first answers are slow: 64 fresh pool
// threads each pay their JIT warm-up on 2 cores (about 3 s before any answer), and 64 clients of a
// 2.5 s request need 160 s before each has had one. A window opened before then measures the start.
import { setTimeout as sleep } from 'node:timers/promises';

/** How often the warm-up checks its answer count. */
const CHECK_MS = 100;

/**
 * A pool (or a sweep's size point) warms until its clients have had this many answers per thread:
 * a fresh thread's first requests run before its JIT has optimised the work (at 64 threads on 2
 * cores no answer came for 3 s, and a 3 s window read 5 req/s where the steady state serves 180).
 */
export const WARMUP_ANSWERS_PER_THREAD = 5;

export interface WarmUpRule {
  readonly seconds: number;
  /** Answers (any status) the clients must have had before the window opens; 0: the clock alone. */
  readonly minAnswers: number;
  /** The longest the warm-up waits for them: past it the window opens anyway. */
  readonly maxSeconds: number;
}

/** Waits out the warm-up; says whether it had its answers or ran out of time waiting for them. */
export async function warmUp(rule: WarmUpRule, answers: () => number): Promise<'answered' | 'bounded'> {
  const startedMs = performance.now();
  await sleep(rule.seconds * 1000);
  const limitMs = Math.max(rule.seconds, rule.maxSeconds) * 1000;
  while (answers() < rule.minAnswers) {
    if (performance.now() - startedMs >= limitMs) return 'bounded';
    await sleep(CHECK_MS);
  }
  return 'answered';
}

/** Answers a warm-up waits for: those asked, else one per client (a round). */
export const warmupAnswersOf = (settings: { readonly warmupAnswers?: number; readonly connections: number }): number =>
  settings.warmupAnswers ?? settings.connections;

/** The longest a warm-up can last: what the run's overall bound must allow for. */
export const longestWarmUp = (rule: WarmUpRule): number => Math.max(rule.seconds, rule.maxSeconds);
