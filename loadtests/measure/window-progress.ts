// What the person watching sees of a measurement: one line that says how the window was planned,
// and the live detail (phase, seconds, answers and req/s so far) that the run's progress line shows.
import type { LoopProgress } from '../load/continuous-loop.ts';
import { warmupAnswersOf } from '../load/warm-up.ts';
import * as format from '../report/format.ts';
import type { DurationSettings, WindowPlan } from './window-plan.ts';

interface Described extends DurationSettings {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly warmupAnswers?: number;
  readonly newConnection: boolean;
}

/** The shortest window a live req/s is shown for. */
const MIN_RATE_SECONDS = 0.5;

function describe(plan: WindowPlan, settings: Described): string {
  const window =
    plan.window.kind === 'fixed'
      ? `${plan.window.seconds} s window`
      : `window of ${plan.window.minSeconds}–${plan.window.maxSeconds} s, until every client has ${plan.window.minAnswersPerClient} answers and req/s is within ±${plan.window.maxRelativeHalfWidth * 100}%`;
  const rounds =
    plan.minRounds === null
      ? ''
      : ` (at least ${plan.minRounds} rounds of ${plan.roundSeconds.toFixed(1)} s, up to ${settings.maxDurationSeconds} s)`;
  const mode = settings.newConnection ? ', a new connection per request' : '';
  return (
    `measuring a ${window}${rounds} after a warm-up of ${settings.warmupSeconds} s and ${format.plural(warmupAnswersOf(settings), 'answer')}, ${format.clients(settings.connections)}${mode}, ` +
    `one continuous loop; the faster of two requests sent alone took ${format.ms(plan.firstRequestMs)} ms`
  );
}

/** The live detail of the current step: the phase, its seconds, and in the window what was served and at what rate. */
function detail(progress: LoopProgress): string {
  const phase = `${progress.phase} ${progress.seconds.toFixed(0)} s`;
  if (progress.phase !== 'window') return phase;
  // The loop reports about once a second; a rate over a fraction of that would be a guess.
  const rate =
    progress.seconds >= MIN_RATE_SECONDS
      ? `, ${format.perSecond(progress.servedInWindow / progress.seconds)} req/s`
      : '';
  return `${phase}, ${progress.servedInWindow} served${rate}`;
}

export const windowProgress = { describe, detail };
