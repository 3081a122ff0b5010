// The targets, the reference server of start-up and the figure of each limit run: the numbers
// every bench verdict is held to.
import type { BenchReport, LimitRun, LimitVariant, WindowCpu } from './model.ts';

export const TARGETS = {
  /** Figure 1: Hono's req/s at least this share of bare node:http's. */
  honoShareOfBare: 0.85,
  /** Figure 2: median round-trip of a no-op task through the pool, below this. */
  dispatchMedianUs: 100,
  /** Figure 3: pool req/s at least this share of cores / CPU seconds per request. */
  poolShareOfLimit: 0.95,
  /** Figure 4: inline req/s at least this share of 1 / CPU seconds per request. */
  inlineShareOfLimit: 0.97,
  /** Figure 1, pinned: Hono's server CPU per /health request at most this many times bare node:http's. */
  honoCpuPerRequest: 1.2,
  /** Figure 7: chunked's CPU per request at most this many times inline's (the same loop, in slices). */
  chunkedCpuPerRequest: 1.05,
  /** Figure 7: libuv's pbkdf2, calibrated to cost what the loop costs, within this of inline's CPU per request. */
  libuvCpuTolerance: 0.05,
  /** Figure 8: cluster and libuv req/s at least this share of their limit. */
  parallelShareOfLimit: 0.95,
  /** Figure 6: a single-process variant's start-up at most this many times bare node:http's... */
  startupSingleProcess: 1.15,
  /** ...and the cluster's, which forks its workers after it starts. */
  startupCluster: 2,
} as const;

export const STARTUP_REFERENCE = 'bare node:http';

/** The figure each variant's limit run belongs to: 3 and 4 the pool and inline, 7 chunked's CPU, 8 the others. */
export const LIMIT_FIGURE: Readonly<Record<LimitVariant, number>> = {
  pool: 3,
  inline: 4,
  chunked: 7,
  cluster: 8,
  libuv: 8,
};

/** Every limit run with its figure, in the order the bench measures them. */
export function limitRuns(report: BenchReport): { readonly figure: number; readonly run: LimitRun }[] {
  return Object.values(report.limits).map((run) => ({ figure: LIMIT_FIGURE[run.variant], run }));
}

/** Every measured window by name (figure 1's runs, then the limit runs), for the tables, charts and notes. */
export function measuredWindows(report: BenchReport): { readonly name: string; readonly cpu: WindowCpu }[] {
  return [
    ...report.framework.runs.map((run) => ({
      name: `figure 1, pair ${run.pair}, ${run.server === 'hono' ? 'Hono' : 'bare'}`,
      cpu: run.cpu,
    })),
    ...limitRuns(report).map(({ figure, run }) => ({ name: `figure ${figure}, ${run.variant}`, cpu: run.cpu })),
  ];
}
