// Under load shedding a task that runs past its deadline is answered 504 at the deadline, but its
// worker is not terminated: it finishes the task and takes the next. Terminating a thread to enforce
// a deadline costs the cores a new thread's start, far more than the rest of one task, and on a
// loaded machine that start makes the next tasks late too (a cascade of replacements).

/** The task's result, or `late()` as soon as `deadline` aborts; the task itself runs on to its end. */
export function answerByDeadline<T>(task: Promise<T>, deadline: AbortSignal, late: () => Error): Promise<T> {
  if (deadline.aborted) return Promise.reject(late());
  return new Promise<T>((resolve, reject) => {
    const expire = (): void => reject(late());
    deadline.addEventListener('abort', expire, { once: true });
    task.then(resolve, reject).finally(() => deadline.removeEventListener('abort', expire));
  });
}
