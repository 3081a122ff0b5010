// Live progress of a run that takes minutes: which step of how many, time spent and left, and the
// current step's detail, on one stderr line rewritten in place. Only for a person at a terminal:
// in CI logs and pipes a rewritten line is noise, so there it writes nothing at all.

/** What a run tells its watcher; every method is a no-op where nobody watches. */
export interface RunProgress {
  /** Ends the current step (its time feeds the estimate) and starts the next, e.g. "pool size 4, run 2 of 3". */
  step(name: string): void;
  /** The current step's live detail, e.g. "window 4 s, 130 served, 32.5 req/s". */
  detail(text: string): void;
  /** Erases the line, before other output or at the end of the run. */
  clear(): void;
}

/** The part of a stream progress needs; process.stderr is one. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Where progress goes and what time it is; tests pass a fake terminal and a fake clock. */
export interface ProgressSettings {
  readonly stream?: ProgressStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly nowMs?: () => number;
}

/** Carriage return and "erase the whole line": the line is rewritten, never appended to. */
export const ERASE_LINE = '\r\x1b[2K';

const SILENT: RunProgress = Object.freeze({ step() {}, detail() {}, clear() {} });

/** Only a person at a terminal sees progress: not a pipe, not a file, not a CI log (CI unset or empty). */
export function progressShown(stream: ProgressStream, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && (env.CI === undefined || env.CI === '');
}

/** "0:42", "12:05", "1:02:03": minutes and seconds, hours only when a run lasts that long. */
export function clockTime(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}:${seconds}`;
  return `${Math.floor(totalMinutes / 60)}:${String(totalMinutes % 60).padStart(2, '0')}:${seconds}`;
}

/** The estimate a person can check: steps still to do times the mean of the finished ones. */
export function remainingMs(finishedStepMs: readonly number[], totalSteps: number, currentStepMs: number): number {
  const mean = finishedStepMs.reduce((sum, ms) => sum + ms, 0) / finishedStepMs.length;
  const stepsLeft = Math.max(0, totalSteps - finishedStepMs.length);
  return Math.max(0, mean * stepsLeft - currentStepMs);
}

export function runProgress(totalSteps: number, settings: ProgressSettings = {}): RunProgress {
  if (!Number.isInteger(totalSteps) || totalSteps < 1) {
    throw new RangeError(`runProgress: totalSteps must be a whole number ≥ 1, received ${totalSteps}`);
  }
  const stream = settings.stream ?? process.stderr;
  if (!progressShown(stream, settings.env ?? process.env)) return SILENT;
  const nowMs = settings.nowMs ?? (() => performance.now());

  const runStartMs = nowMs();
  const finishedStepMs: number[] = [];
  let stepNumber = 0;
  let stepName = '';
  let stepStartMs = runStartMs;
  let detailText = '';
  let shown = false;

  const render = (): void => {
    const now = nowMs();
    const parts = [`${stepNumber}/${Math.max(totalSteps, stepNumber)}`, `${clockTime(now - runStartMs)} elapsed`];
    // No estimate before a step has finished: a guess from nothing would be a number nobody measured.
    if (finishedStepMs.length > 0) {
      parts.push(`~${clockTime(remainingMs(finishedStepMs, totalSteps, now - stepStartMs))} left`);
    }
    const text = [stepName, detailText].filter((part) => part !== '').join(': ');
    const line = `[${parts.join(' · ')}] ${text}`;
    // A line wider than the terminal wraps, and erasing then clears only its last row: cut it to fit.
    const width = stream.columns !== undefined && stream.columns > 1 ? stream.columns - 1 : line.length;
    stream.write(`${ERASE_LINE}${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    shown = true;
  };

  return {
    step(name) {
      const now = nowMs();
      if (stepNumber > 0) finishedStepMs.push(now - stepStartMs);
      stepNumber += 1;
      stepName = name;
      stepStartMs = now;
      detailText = '';
      render();
    },
    detail(text) {
      detailText = text;
      render();
    },
    clear() {
      if (shown) stream.write(ERASE_LINE);
      shown = false;
    },
  };
}

/** What a long run reports through: lines that stay (say) and the one live line (progress). */
export interface Watch {
  /** One line for the person watching (stderr); it erases the progress line first, so never lands on its end. */
  readonly say: (line: string) => void;
  readonly progress: RunProgress;
}

/** A run of totalSteps steps: its progress line, and a say that keeps clear of it. */
export function watching(say: (line: string) => void, totalSteps: number, settings: ProgressSettings = {}): Watch {
  const progress = runProgress(totalSteps, settings);
  return {
    progress,
    say: (line) => {
      progress.clear();
      say(line);
    },
  };
}

/** A step that is also worth a line in the log: said (it stays), then shown as the live line. */
export function announce({ say, progress }: Watch, name: string): void {
  say(name);
  progress.step(name);
}
