// What GET /stats answers: request counts kept on the main thread, and the body's schema.
import type { EventLoopFigures } from './event-loop.ts';
import type { ConcurrencyGauge } from './gauge.ts';
import type { WindowCpu } from './proc-threads.ts';
import { type HostInfo, hostInfo } from './self-cpu.ts';

/** Settings a variant reports in its listening line and in /stats. */
export type VariantSettings = Readonly<Record<string, number | string | boolean | null>>;

/** Queue and run times of a thread pool since the last reset (variants/pool/timing.ts measures them). */
export interface PoolTiming {
  readonly completed: number;
  readonly waitMs: { readonly mean: number; readonly p50: number; readonly p99: number };
  readonly runMs: { readonly mean: number; readonly p50: number; readonly p99: number };
  /** 0..1: busy worker time over the time all threads could have worked. */
  readonly utilization: number;
}

/** A variant's turned-away requests since the last reset (variants/pool/paced-rejection.ts counts them). */
export interface SheddingFigures {
  /** --shed-hold-ms and --shed-max-held: how long a turned-away request is held, and how many at most. */
  readonly holdMs: number;
  readonly maxHeld: number;
  /** Requests turned away for a full queue (503), held or not. */
  readonly turnedAway: number;
  /** Of those, held before their 503; the rest were answered at once. */
  readonly held: number;
  /** Held right now, and the most held at once. */
  readonly heldNow: number;
  readonly mostHeld: number;
}

/** Counts requests on the work route as the main thread sees them (queued, running, or held before a paced 503). */
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

  get inHandler(): number {
    return this.#inHandler;
  }
  get maxInHandler(): number {
    return this.#maxInHandler;
  }
  get served(): number {
    return this.#served;
  }
  get failed(): number {
    return this.#failed;
  }
}

/** The request counts of /stats. Maxima and totals are since the last reset. */
export interface Counters {
  /** Work units running right now, and the most that ran at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Requests inside the handler (queued for a worker, running, or held before a paced 503), and the most at once. */
  readonly inHandler: number;
  readonly maxInHandler: number;
  readonly served: number;
  readonly failed: number;
}

export function countersOf(gauge: ConcurrencyGauge, requests: RequestStats): Counters {
  return {
    inFlight: gauge.current,
    maxInFlight: gauge.max,
    inHandler: requests.inHandler,
    maxInHandler: requests.maxInHandler,
    served: requests.served,
    failed: requests.failed,
  };
}

/** The body of GET /stats: what the server itself knows. */
export interface StatsBody extends Counters {
  readonly variant: string;
  readonly pid: number;
  readonly settings: VariantSettings;
  /** CPU time of the process that answered, all its threads, since it started. */
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  readonly residentMemoryBytes: number;
  readonly uptimeMs: number;
  /** Of the process that answered, since the last reset. */
  readonly eventLoop: EventLoopFigures;
  /** Queue and run times since the last reset, for variants with a thread pool; else null. */
  readonly pool: PoolTiming | null;
  /** The server's own processes since the last reset, from /proc (CPU %, threads, busy threads); null off Linux. */
  readonly self: WindowCpu | null;
  /** CPU ms of the answering process's main thread (its event loop) since the last reset; null off Linux. */
  readonly eventLoopCpuMs: number | null;
  /** Turned-away requests since the last reset, for a variant that sheds load (pool); else null. */
  readonly shedding: SheddingFigures | null;
  /** The machine the server runs on. */
  readonly host: HostInfo;
}

/** What the server measured of itself over the window: the parts of /stats not about requests. */
export interface SelfFigures {
  readonly eventLoop: EventLoopFigures;
  readonly pool: PoolTiming | null;
  readonly self: WindowCpu | null;
  readonly eventLoopCpuMs: number | null;
  readonly shedding: SheddingFigures | null;
}

export function statsBody(
  variant: string,
  settings: VariantSettings,
  counters: Counters,
  measured: SelfFigures,
): StatsBody {
  const cpu = process.cpuUsage();
  return {
    variant,
    pid: process.pid,
    settings,
    ...counters,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    residentMemoryBytes: process.memoryUsage.rss(),
    uptimeMs: Math.round(process.uptime() * 1000),
    ...measured,
    host: hostInfo(),
  };
}
