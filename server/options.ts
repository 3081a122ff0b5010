// What a server's options are: their type, the variant names and how each flag is spelled. A leaf
// below flags.ts (which defaults, bounds and parses them, and re-exports all of this).
import type { WorkKind } from './work.ts';

/** How the pool variant hands a request's body to its worker: transfer its bytes, or copy them. */
export type TransferMode = 'move' | 'clone';
export const TRANSFER_MODES: readonly TransferMode[] = ['move', 'clone'];

/** The --variant choices in --help order; the registry (variants/index.ts) must define exactly these. */
export const VARIANT_NAMES = ['inline', 'pool', 'cluster', 'chunked', 'libuv', 'io'] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

export interface ServerOptions {
  readonly variant: VariantName;
  /** The address to listen on: loopback unless the server runs on its own machine for a load from elsewhere. */
  readonly host: string;
  readonly port: number;
  readonly work: WorkKind;
  readonly poolSize: number;
  readonly workers: number;
  readonly uvThreads: number;
  readonly iterations: number;
  /** How many times a body work kind (json, sha256, gzip) runs on one request's body. */
  readonly rounds: number;
  readonly sliceIterations: number;
  readonly ioMs: number;
  /** Milliseconds each request then holds its thread without CPU (a blocking driver's wait); 0 = off. */
  readonly blockingIoMs: number;
  /** The user's handler module (an absolute path), run instead of --work; null = none. */
  readonly handler: string | null;
  readonly transfer: TransferMode;
  /** Requests that may wait for a worker in pooled variants; more get 503 at once. */
  readonly maxQueue: number;
  /** A request's deadline, from the moment the handler takes it. */
  readonly timeoutMs: number;
  /** pool: how long a turned-away request is held before its 503 (paced rejection); 0 = answer at once. */
  readonly shedHoldMs: number;
  /** pool: the most turned-away requests held at once; beyond it they are answered at once. */
  readonly shedMaxHeld: number;
  /** Test-only routes that make a job throw or its worker exit. */
  readonly faultRoutes: boolean;
  readonly quiet: boolean;
}

/** Each option's flag: the one place a flag's name is spelled. */
export const SERVER_FLAGS = {
  variant: '--variant',
  host: '--host',
  port: '--port',
  work: '--work',
  poolSize: '--pool-size',
  workers: '--workers',
  uvThreads: '--uv-threads',
  iterations: '--iterations',
  rounds: '--rounds',
  sliceIterations: '--slice-iterations',
  ioMs: '--io-ms',
  blockingIoMs: '--blocking-io-ms',
  handler: '--handler',
  transfer: '--transfer',
  maxQueue: '--max-queue',
  timeoutMs: '--timeout-ms',
  shedHoldMs: '--shed-hold-ms',
  shedMaxHeld: '--shed-max-held',
  faultRoutes: '--fault-routes',
  quiet: '--quiet',
} as const satisfies Record<keyof ServerOptions, string>;
