// Stops a child process the one way every program of the pack does: SIGTERM, then SIGKILL if it
// has not exited within a bound, and resolves only once it has exited.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A server gets this long to finish its requests in progress after SIGTERM. */
export const STOP_TIMEOUT_MS = 5_000;

export interface StopOptions {
  /** Signal the child's whole process group (it was spawned detached), workers included. */
  readonly group?: boolean;
  readonly timeoutMs?: number;
}

export async function stopChild(child: ChildProcess, options: StopOptions = {}): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const signal = (name: NodeJS.Signals): void => {
    if (!options.group) {
      child.kill(name);
      return;
    }
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), options.timeoutMs ?? STOP_TIMEOUT_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
    if (options.group) signal('SIGKILL'); // a worker that outlived its parent
  }
}
