// make fastapi's live progress: one step per row on the run's progress line (row i of n, elapsed,
// remaining), its seconds ticking while a long Python row runs, and log lines that do not tear it.
import { runProgress } from '../loadtests/observe/run-progress.ts';

/** How often the live line's row seconds and elapsed time move on. */
const PROGRESS_TICK_MS = 1_000;

/** Every row on the live progress line: its number, the run's elapsed and remaining time, the row's own seconds. */
export function watchRows(totalRows: number, sayLine: (line: string) => void) {
  const progress = runProgress(totalRows);
  let rowStartMs = performance.now();
  const ticker = setInterval(
    () => progress.detail(`${((performance.now() - rowStartMs) / 1000).toFixed(0)} s into this row`),
    PROGRESS_TICK_MS,
  );
  ticker.unref(); // never what keeps the run alive
  return {
    // A line for the log clears the live line first; the next tick draws it again.
    say: (line: string) => {
      progress.clear();
      sayLine(line);
    },
    step: (name: string) => {
      rowStartMs = performance.now();
      progress.step(name);
    },
    stop: () => {
      clearInterval(ticker);
      progress.clear();
    },
  };
}
