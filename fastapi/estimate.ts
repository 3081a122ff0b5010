// How long a `make fastapi` run takes, from the rules that plan its rows (window-plan.ts) and the
// request times this machine measured: printed as a run starts, so nobody waits blind for an hour.
import { planFor } from '../loadtests/measure/window-plan.ts';
import { calibrationRequests } from '../loadtests/observe/calibrate.ts';
import * as format from '../loadtests/report/format.ts';
import type { FastapiOptions } from './flags.ts';
import { NODE_SIZES, PYTHON_MODELS, processesOf, pythonParallelism } from './rows.ts';

/** CPython 3.11 counted 100,000,000 in 2.5–3.4 s alone on this project's 2 cores (reports/examples, 2026-11-30). */
export const PYTHON_NS_PER_INCREMENT = 30;
/** Node 20 counted 100,000,000 in about 60 ms alone there. */
export const NODE_NS_PER_INCREMENT = 0.6;
/** Starting a server until it listens: uvicorn imports FastAPI in a second or two. */
const START_SECONDS = 2;
/** The two requests timed alone before each row's load (window-plan.ts). */
const REQUESTS_ALONE = 2;

/** One Python request alone, estimated from the loop's length. */
const pythonRequestMs = (options: Pick<FastapiOptions, 'loopIterations'>): number =>
  (options.loopIterations * PYTHON_NS_PER_INCREMENT) / 1e6;

type Estimated = Pick<
  FastapiOptions,
  | 'clients'
  | 'loopIterations'
  | 'iterations'
  | 'warmupSeconds'
  | 'durationSeconds'
  | 'maxDurationSeconds'
  | 'minRounds'
  | 'maxReplicates'
>;

/**
 * One row: start, requests alone, a warm-up of a round, the window, a round for the answers still
 * outstanding at its end, the calibration's requests alone.
 */
export function rowSeconds(options: Estimated, requestMs: number, clients: number, parallelism: number): number {
  const plan = planFor(requestMs, clients, { ...options, autoDuration: 'never' }, parallelism);
  const window = plan.window.kind === 'fixed' ? plan.window.seconds : plan.window.minSeconds;
  const round = Math.min(plan.roundSeconds, plan.requestTimeoutSeconds);
  const alone = ((REQUESTS_ALONE + calibrationRequests(requestMs)) * requestMs) / 1000;
  return START_SECONDS + alone + Math.max(options.warmupSeconds, round) + window + round;
}

/**
 * At most, the replicates beyond the first at the deciding (largest) count: `async def` and `def` once
 * more each per further run (claim-runs.ts); a run that decides sooner stops sooner.
 */
export function replicateSeconds(options: Estimated, cores: number): number {
  const deciding = options.clients.at(-1) ?? 1;
  const ms = pythonRequestMs(options);
  const pair = [PYTHON_MODELS.async, PYTHON_MODELS.def].reduce(
    (sum, model) => sum + rowSeconds(options, ms, deciding, pythonParallelism(model, cores)),
    0,
  );
  return (options.maxReplicates - 1) * pair;
}

/** Seconds per client count: every Node variant and every Python model at that count, the deciding count's replicates included. */
export function estimateSeconds(options: Estimated, cores: number): { clients: number; seconds: number }[] {
  const pythonMs = pythonRequestMs(options);
  const nodeMs = (options.iterations * NODE_NS_PER_INCREMENT) / 1e6;
  const deciding = options.clients.at(-1);
  return options.clients.map((clients) => ({
    clients,
    seconds:
      (clients === deciding ? replicateSeconds(options, cores) : 0) +
      Object.values(NODE_SIZES).reduce(
        (sum, size) => sum + rowSeconds(options, nodeMs, clients, processesOf(size, cores)),
        0,
      ) +
      Object.values(PYTHON_MODELS).reduce(
        (sum, model) => sum + rowSeconds(options, pythonMs, clients, pythonParallelism(model, cores)),
        0,
      ),
  }));
}

const minutes = (seconds: number): string =>
  seconds < 60 ? 'under a minute' : `about ${Math.round(seconds / 60)} min`;

/** "about 52 min: 1 client under a minute, …": the line a run starts with. */
export function estimateLine(options: Estimated, cores: number): string {
  const counts = estimateSeconds(options, cores);
  const total = counts.reduce((sum, count) => sum + count.seconds, 0);
  const each = counts.map((count) => `${format.clients(count.clients)} ${minutes(count.seconds)}`).join(', ');
  const pythonSeconds = pythonRequestMs(options) / 1000;
  return (
    `${minutes(total)}: ${each} (a Python request ~${pythonSeconds.toFixed(pythonSeconds < 1 ? 2 : 1)} s alone; ` +
    `a round = clients × that ÷ requests at once; each row a warm-up of a round, a window of ${options.minRounds} rounds ` +
    `or ${options.durationSeconds} s if longer, up to ${options.maxDurationSeconds} s, and a round for the answers outstanding at its end; ` +
    `at ${format.clients(options.clients.at(-1) ?? 1)} up to ${options.maxReplicates} runs of async def and def until the claim is decided)`
  );
}
