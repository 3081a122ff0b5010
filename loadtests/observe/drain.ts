// Waits until the server has no request in its handler, so that a window, or the calibration
// after it, starts on an idle server: by its /stats, else by its start/end lines.
import type { Target } from '../process/target.ts';
import { MeasurementError } from './measurement-error.ts';
import { readStats } from './stats-client.ts';

/** Warm-up requests still queued in the server must finish before the window opens. */
const DRAIN_TIMEOUT_MS = 30_000;
const DRAIN_POLL_MS = 20;

/** Requests the log shows started and not yet ended, since it started recording. */
function openInLog(target: Target): number {
  return (target.log?.recorded() ?? []).reduce((open, event) => open + (event.kind === 'Start' ? 1 : -1), 0);
}

/** Whether the target can tell when it is idle at all: by /stats or by its log. */
function canDrain(target: Target): boolean {
  return target.hasStats || target.log !== null;
}

/** Waits until the target is idle; returns at once when it cannot tell. */
export async function drain(target: Target): Promise<void> {
  if (!canDrain(target)) return;
  const busy = target.hasStats
    ? async () => (await readStats(target)).inHandler > 0
    : async () => openInLog(target) > 0;
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (await busy()) {
    if (Date.now() > deadline)
      throw new MeasurementError(
        `the ${target.name} server still had requests in its handler ${DRAIN_TIMEOUT_MS / 1000} s after the warm-up`,
      );
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}
