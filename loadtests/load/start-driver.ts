// Which engine sends a loop's load: autocannon (keep-alive), Node's own client (a connection per
// request, or clients that honour Retry-After), or Locust's master and workers (--engine locust).
import { startAutocannonDriver } from './autocannon-driver.ts';
import { startFreshConnectionDriver } from './fresh-connection-driver.ts';
import type { DriverEvents, DriverOptions, LoadDriver } from './load-driver.ts';
import type { ProcessGroup } from '../process/process-group.ts';
import type { RetryMode } from '../report/overload-model.ts';
import type { LocustEngine } from '../report/placement-model.ts';
import { startLocustDriver } from './locust-driver.ts';
import { startRetryAfterDriver } from './retry-after-driver.ts';

export interface EngineOptions extends DriverOptions {
  readonly newConnection: boolean;
  /** --engine locust: its master and workers send the load instead of autocannon; null or absent: autocannon. */
  readonly locust?: LocustEngine | null;
  /** Where an engine's own processes are registered (Locust's), so Ctrl-C and SIGTERM stop them. */
  readonly group?: ProcessGroup | null;
  /** How long the load may last at most (warm-up, window, grace): an engine of its own processes stops by then. */
  readonly boundSeconds?: number;
  /** After a turn-away: ask again at once (absent too), or honour Retry-After (our own clients, whatever the engine). */
  readonly retry?: RetryMode;
}

/** The engine's driver; `ready` (Locust) once its clients run, so a warm-up does not count its start. */
export async function startDriver(
  options: EngineOptions,
  events: DriverEvents,
): Promise<LoadDriver & { readonly ready?: Promise<void> }> {
  if (options.retry === 'retry-after') return startRetryAfterDriver(options, events);
  if (options.locust !== undefined && options.locust !== null)
    return startLocustDriver(options, options.locust, events, options.group ?? null);
  return options.newConnection ? startFreshConnectionDriver(options, events) : startAutocannonDriver(options, events);
}
