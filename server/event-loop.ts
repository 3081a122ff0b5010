// How blocked the event loop was since the last reset: timer delay (perf_hooks' histogram) and
// utilization (the share of time it was busy rather than waiting for I/O).
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Histogram sampling interval. Node records each interval whole, so it is subtracted below. */
const RESOLUTION_MS = 5;
const NS_PER_MS = 1e6;

const delayMs = (intervalNs: number): number => Math.max(0, intervalNs / NS_PER_MS - RESOLUTION_MS);

export interface EventLoopFigures {
  /** null when the loop never got to sample: it was blocked the whole time. */
  readonly delayP50Ms: number | null;
  readonly delayP99Ms: number | null;
  readonly delayMaxMs: number | null;
  /** 0..1: share of the time since the last reset that the loop was busy. */
  readonly utilization: number;
}

export class EventLoopMonitor {
  readonly #delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  #since: EventLoopUtilization = performance.eventLoopUtilization();

  constructor() {
    this.#delay.enable();
  }

  read(): EventLoopFigures {
    const hasSamples = this.#delay.count > 0;
    return {
      delayP50Ms: hasSamples ? delayMs(this.#delay.percentile(50)) : null,
      delayP99Ms: hasSamples ? delayMs(this.#delay.percentile(99)) : null,
      delayMaxMs: hasSamples ? delayMs(this.#delay.max) : null,
      utilization: performance.eventLoopUtilization(this.#since).utilization,
    };
  }

  reset(): void {
    this.#delay.reset();
    this.#since = performance.eventLoopUtilization();
  }
}
