import type { ConcurrencyGauge } from './gauge.ts';
import type { VariantSettings } from './variants/types.ts';

/** Counts requests on the work route as the main thread sees them (queued or running). */
export class RequestStats {
  #inHandler = 0;
  #maxInHandler = 0;
  #served = 0;
  #failed = 0;

  begin(): void {
    this.#inHandler++;
    this.#maxInHandler = Math.max(this.#maxInHandler, this.#inHandler);
  }

  end(ok: boolean): void {
    this.#inHandler--;
    if (ok) this.#served++;
    else this.#failed++;
  }

  reset(): void {
    this.#maxInHandler = this.#inHandler;
    this.#served = 0;
    this.#failed = 0;
  }

  get inHandler(): number { return this.#inHandler; }
  get maxInHandler(): number { return this.#maxInHandler; }
  get served(): number { return this.#served; }
  get failed(): number { return this.#failed; }
}

/** The body of GET /stats: what the server itself knows. Counts are since the last reset. */
export interface StatsBody {
  readonly variant: string;
  readonly pid: number;
  readonly settings: VariantSettings;
  /** Work units running right now, and the most that ran at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Requests inside the handler (queued for a worker or running), and the most at once. */
  readonly inHandler: number;
  readonly maxInHandler: number;
  readonly served: number;
  readonly failed: number;
  /** Process CPU time since start, all threads. */
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  readonly residentMemoryBytes: number;
  readonly uptimeMs: number;
}

export function statsBody(variant: string, settings: VariantSettings, gauge: ConcurrencyGauge, requests: RequestStats): StatsBody {
  const cpu = process.cpuUsage();
  return {
    variant,
    pid: process.pid,
    settings,
    inFlight: gauge.current,
    maxInFlight: gauge.max,
    inHandler: requests.inHandler,
    maxInHandler: requests.maxInHandler,
    served: requests.served,
    failed: requests.failed,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    residentMemoryBytes: process.memoryUsage.rss(),
    uptimeMs: Math.round(process.uptime() * 1000),
  };
}
