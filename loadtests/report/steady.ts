// Whether a row measured the steady state of its closed loop: its warm-up lasted until every client
// had, on average, an answer (not cut short by its bound), and its window held the rounds it was
// asked for (not cut short by --max-duration). A row that fails either measured the start of a
// queue: its latencies are of a first round and its req/s of a ramp. Pure: a row in, text out.
import type { VariantRun } from './model.ts';

/** Rounds the window held: its seconds over one round (every client answered once). */
export const roundsHeld = (run: Pick<VariantRun, 'durationSeconds' | 'window'>): number =>
  run.window.roundSeconds > 0 ? run.durationSeconds / run.window.roundSeconds : Number.POSITIVE_INFINITY;

/** Why the row is not steady state, as a clause ("its window held 0.25 of the 2 rounds asked"); null when it is. */
export function notSteadyReason(run: Pick<VariantRun, 'durationSeconds' | 'window'>): string | null {
  const { window } = run;
  const reasons: string[] = [];
  if (window.warmupEnd === 'bounded')
    reasons.push(`its warm-up ran out at ${window.warmupSeconds.toFixed(0)} s with ${window.warmupAnswers} answers`);
  if (window.minRounds !== null && roundsHeld(run) < window.minRounds)
    reasons.push(
      `its window held ${roundsHeld(run).toFixed(2)} of the ${window.minRounds} rounds asked (a round ${window.roundSeconds.toFixed(1)} s; --max-duration)`,
    );
  return reasons.length === 0 ? null : reasons.join(' and ');
}

export const isSteady = (run: Pick<VariantRun, 'durationSeconds' | 'window'>): boolean => notSteadyReason(run) === null;
