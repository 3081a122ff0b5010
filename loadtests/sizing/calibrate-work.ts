// C and W before a sweep, on a server of their own: C, the CPU ms of the fastest single request
// (the server's own clock, as every row's limit is calibrated); W, the fastest request's wall time
// alone minus C: the time a request holds its thread without using a core (--blocking-io-ms, or
// whatever a handler waits on), plus the HTTP round trip.
import type { ServerOptions } from '../../server/flags.ts';
import { serverEnv } from '../../server/variants/index.ts';
import { timeFirstRequest } from '../measure/window-plan.ts';
import type { RunContext } from '../measure/run-scenario.ts';
import { calibrateCpuMsPerRequest } from '../observe/calibrate.ts';
import { MeasurementError } from '../observe/measurement-error.ts';
import { startServer } from '../process/server-process.ts';
import { spawnedTarget } from '../process/target.ts';

/** C and W of requests sent alone: C here is the fastest one's CPU. */
export interface AloneCost {
  readonly computeMs: number;
  readonly waitMs: number;
  /** Requests the two were taken from. */
  readonly requests: number;
}

/** Requests timed alone for W: the first also starts a worker, the rest are warm. */
const WALL_REQUESTS = 6;

/** What the fastest single request costs on the server these options start. */
export async function calibrateWork(
  serverOptions: ServerOptions,
  body: Uint8Array | null,
  context: RunContext,
): Promise<AloneCost> {
  const server = await startServer(serverOptions, context.group, serverEnv(serverOptions));
  try {
    const target = spawnedTarget(serverOptions.variant, server);
    // First, so that a pool's first request (which starts its worker) is not among the CPU samples;
    // the fastest of several, since a busy machine only adds time.
    const wallMs = await timeFirstRequest(target, body, WALL_REQUESTS);
    const cpu = await calibrateCpuMsPerRequest(target, body);
    if (cpu === null) throw new MeasurementError('the calibration server reported no CPU time');
    return { computeMs: cpu.minMs, waitMs: Math.max(0, wallMs - cpu.minMs), requests: cpu.requests };
  } finally {
    await server.stop();
  }
}
