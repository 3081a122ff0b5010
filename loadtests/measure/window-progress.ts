// What the person watching sees of a measurement: one line that says how the window was planned,
// and, on a terminal, a live line (phase, seconds, answers so far) rewritten in place.
import type { LoopProgress } from '../load/continuous-loop.ts';
import * as format from '../report/format.ts';
import type { DurationSettings, WindowPlan } from './window-plan.ts';

interface Described extends DurationSettings {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly newConnection: boolean;
}

function describe(plan: WindowPlan, settings: Described): string {
  const window =
    plan.window.kind === 'fixed'
      ? `${plan.window.seconds} s window`
      : `window of ${plan.window.minSeconds}–${plan.window.maxSeconds} s, until every client has ${plan.window.minAnswersPerClient} answers and req/s is within ±${plan.window.maxRelativeHalfWidth * 100}%`;
  const mode = settings.newConnection ? ', a new connection per request' : '';
  return (
    `measuring a ${window} after ${settings.warmupSeconds} s warm-up, ${format.clients(settings.connections)}${mode}, ` +
    `one continuous loop; the faster of two requests sent alone took ${format.ms(plan.firstRequestMs)} ms`
  );
}

function line(name: string): (progress: LoopProgress) => void {
  return (progress) => {
    const answers = progress.phase === 'window' ? `, ${progress.servedInWindow} served` : '';
    process.stderr.write(`\r\x1b[2K${name}: ${progress.phase} ${progress.seconds.toFixed(0)} s${answers}`);
  };
}

function clear(): void {
  process.stderr.write('\r\x1b[2K');
}

export const windowProgress = { describe, line, clear };
