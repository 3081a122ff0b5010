// C as the cores see it when they are saturated: the server's CPU over a short loaded window ÷ the
// requests it served in it. A request that follows an idle spell costs more CPU than one among many
// (an 18M-count loop after 100 ms waits: 18.9 ms alone, 14.0 at 2 threads, 11.2 at 32; without
// waits the same 57 ms alone and loaded), and the knee lies where the cores are saturated, so the
// prediction takes C from there. The pool is sized past the bounds' knee so the cores saturate.
import type { ServerOptions } from '../../server/flags.ts';
import { buildRun } from '../measure/build-run.ts';
import { fixedWindow } from '../measure/fixed-window.ts';
import type { RunContext } from '../measure/run-scenario.ts';
import { runVariant } from '../measure/variant-server.ts';
import { WARMUP_ANSWERS_PER_THREAD } from '../load/warm-up.ts';
import { MeasurementError } from '../observe/measurement-error.ts';
import type { LoadedCost } from '../sweep/model.ts';
import { boundsKnee, type WorkCost } from './predict.ts';

/** Past the bounds' knee by this factor, the closed network is at more than 97% of its plateau. */
const SATURATING_FACTOR = 2;
const WARMUP_SECONDS = 1;
const WINDOW_SECONDS = 3;

/** A pool size that saturates the cores for work of this cost alone, within the server's range. */
export function saturatingSize(alone: WorkCost, cores: number, maxSize: number): number {
  return Math.min(maxSize, Math.max(Math.ceil(cores) + 1, Math.ceil(SATURATING_FACTOR * boundsKnee(alone, cores))));
}

/** Measures C under load on a pool of `size` threads driven by one more client than threads. */
export async function calibrateLoaded(
  serverOptions: ServerOptions,
  size: number,
  body: Uint8Array | null,
  context: RunContext,
): Promise<LoadedCost> {
  const clients = size + 1;
  const window = {
    ...fixedWindow(clients, WARMUP_SECONDS, WINDOW_SECONDS),
    requestBody: body,
    warmupAnswers: WARMUP_ANSWERS_PER_THREAD * size,
  };
  const row = buildRun(await runVariant({ ...serverOptions, poolSize: size }, 1, window, context));
  const computeMs = row.server.cpuMsPerServedRequest;
  if (computeMs === null || !(computeMs > 0))
    throw new MeasurementError(`the loaded calibration (pool of ${size}) could not tell the server's CPU per request`);
  return {
    computeMs,
    size,
    clients,
    requestsPerSecond: row.requestsPerSecond,
    cpuPercent: row.server.cpuPercent,
  };
}
