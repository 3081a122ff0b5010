// Under load shedding a task that runs past its deadline is answered 504 at the deadline, and its
// worker is left to finish it when it should be done soon. piscina stops a task by terminating its
// worker: the replacement thread's start costs the cores far more than the rest of one task, and on
// a loaded machine that start makes the next tasks late too (a cascade). Work that runs on far past
// its usual time is stopped as before, so no runaway task holds a worker.

/**
 * The task's result, or `late(runsOn)` as soon as `deadline` aborts. Then the task runs on for
 * `runOnMs()` more (a timer), and `stop()` is called if it has not ended by then; at once when 0.
 */
export function answerByDeadline<T>(
  task: Promise<T>,
  deadline: AbortSignal,
  late: (runsOn: boolean) => Error,
  stop: () => void,
  runOnMs: () => number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const expire = (): void => {
      const graceMs = runOnMs();
      reject(late(graceMs > 0));
      if (graceMs <= 0) {
        stop();
        return;
      }
      const stopLater = setTimeout(stop, graceMs);
      task.finally(() => clearTimeout(stopLater)).catch(() => {});
    };
    if (deadline.aborted) {
      expire();
      return;
    }
    deadline.addEventListener('abort', expire, { once: true });
    task.then(resolve, reject).finally(() => deadline.removeEventListener('abort', expire));
  });
}
