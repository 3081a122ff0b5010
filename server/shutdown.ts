// How a serving process stops on SIGINT/SIGTERM: the first signal starts a graceful close that lets
// in-flight requests finish within a bound; a second one leaves at once. serve.ts and the cluster's
// primary both stop this way.

/** In-flight requests get this long to finish after the first signal before they are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** A second signal does not wait for the close: the shell's code for an interrupted process. */
export const SECOND_SIGNAL_EXIT_CODE = 130;

export interface GracefulStop {
  /** On the first signal: stop taking work and let what runs finish. */
  close(signal: NodeJS.Signals): void;
  /** SHUTDOWN_GRACE_MS after close began: cut whatever still runs. */
  cutAfterGrace(): void;
  /** On a second signal, just before the process exits. */
  abandon?(): void;
}

/** Sends SIGINT and SIGTERM to `stop`. Returns whether a stop has begun, for work that arrives after. */
export function stopOnSignals(stop: GracefulStop): () => boolean {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      stop.abandon?.();
      process.exit(SECOND_SIGNAL_EXIT_CODE);
    }
    stopping = true;
    setTimeout(() => stop.cutAfterGrace(), SHUTDOWN_GRACE_MS).unref();
    stop.close(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => stopping;
}

/** The line a stopping server writes to stderr; `what`, when given, names what it closes. */
export function closingMessage(signal: NodeJS.Signals, what?: string): string {
  const closing = what === undefined ? 'closing' : `closing ${what}`;
  return `${signal}: ${closing} (in-flight requests get up to ${SHUTDOWN_GRACE_MS / 1000} s)\n`;
}
