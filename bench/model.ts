// What `make bench` measured, as the report's .json twin stores it. The renderer and the
// target judgements read only this.
import type { Limit } from '../loadtests/report/figures.ts';
import type { Provenance } from '../loadtests/report/model.ts';

export const BENCH_FORMAT_VERSION = 2;

/** CPU during one measured window; 100 = one core busy for the whole window. */
export interface WindowCpu {
  readonly seconds: number;
  /** The server's process tree; null where /proc could not be read. */
  readonly serverCpuPercent: number | null;
  /** This process, where autocannon runs. */
  readonly generatorCpuPercent: number;
  /** Every process on the machine (/proc/stat). */
  readonly machineCpuPercent: number | null;
  /** Machine minus server minus generator: other people's work on a shared machine. */
  readonly foreignCpuPercent: number | null;
}

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}

/** Figure 1: one autocannon run against one of the two servers. */
export interface FrameworkRun {
  readonly server: 'hono' | 'bare';
  readonly pair: number;
  readonly load: LoadFigures;
  readonly cpu: WindowCpu;
}

/** Figure 1's cores: the server on one, the generator on another, so each ratio measures the server. */
export type Pinning =
  | { readonly state: 'pinned'; readonly serverCore: number; readonly generatorCore: number }
  | { readonly state: 'unpinned'; readonly reason: string };

export interface FrameworkFigure {
  readonly pinning: Pinning;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly runs: readonly FrameworkRun[];
}

/** Figure 2: round-trips of a no-op task, in microseconds. */
export interface DispatchSeries {
  /** 'direct' is the function called in this thread; the others go through the pool. */
  readonly path: 'direct' | 'pool';
  /** piscina's `atomics` option; null for the direct call, 'default' for the project's pool. */
  readonly atomics: 'default' | 'sync' | 'async' | 'disabled' | null;
  readonly concurrency: number;
  readonly tasks: number;
  /** Wall time for all `tasks`: with several callers, elapsed / tasks is the pool's pace. */
  readonly elapsedMs: number;
  readonly medianUs: number;
  readonly p99Us: number;
}

export interface DispatchFigure {
  readonly poolSize: number;
  readonly series: readonly DispatchSeries[];
}

/** A server process in a limit run's window: its CPU, and the requests it logged as served. */
export interface ProcessShare {
  readonly pid: number;
  /** null where /proc could not be read. */
  readonly cpuPercent: number | null;
  readonly served: number;
}

/** The CPU-bound variants bench holds against their limit. */
export type LimitVariant = 'pool' | 'inline' | 'chunked' | 'cluster' | 'libuv';

/** Figures 3, 4, 7 and 8: a CPU-bound variant under enough clients against its physical limit. */
export interface LimitRun {
  readonly variant: LimitVariant;
  readonly poolSize: number | null;
  /** The flag that sizes it and its value (--pool-size, --workers, --uv-threads); null when it has none. */
  readonly size: { readonly flag: string; readonly value: number } | null;
  readonly connections: number;
  readonly iterations: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly limit: Limit;
  readonly load: LoadFigures;
  readonly cpu: WindowCpu;
  /** Every process of the server's tree (a cluster's primary and workers; tsx's helper too). */
  readonly processes: readonly ProcessShare[];
}

/** Figure 6: spawn to listening line, per server, over several starts. */
export interface StartupRow {
  /** A variant name, or 'bare node:http' (the reference). */
  readonly server: string;
  readonly startupMs: readonly number[];
  /** CPU the server's process tree had used when its listening line arrived: unlike wall time, not stretched by a busy machine. */
  readonly startupCpuMs: readonly number[];
  /** Spawn to the answers of the first requests, one per core sent at once: threads loaded or not. */
  readonly firstAnswersMs: readonly number[];
  /** A pool: the threads its /stats says answered before the listening line, and its size, at the last start. */
  readonly warmThreads: { readonly answered: number; readonly of: number } | null;
}

export interface BenchReport extends Provenance {
  readonly formatVersion: typeof BENCH_FORMAT_VERSION;
  readonly framework: FrameworkFigure;
  readonly dispatch: DispatchFigure;
  readonly limits: { readonly [variant in LimitVariant]: LimitRun };
  readonly startup: StartupRow[];
}
