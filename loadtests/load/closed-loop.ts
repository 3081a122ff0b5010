// A plain fixed-length closed loop on keep-alive connections, all on one path (make bench's
// /health): the continuous loop with no warm-up, summarised as one window.
import { runContinuousLoop } from './continuous-loop.ts';
import { REQUEST_TIMEOUT_SECONDS, type WindowLoad } from './load-result.ts';
import { windowResult } from './window-result.ts';

export interface ClosedLoopOptions {
  /** "http://127.0.0.1:8000" */
  readonly origin: string;
  /** Every client asks for this path. */
  readonly path: string;
  readonly connections: number;
  readonly durationSeconds: number;
}

export async function runClosedLoop(options: ClosedLoopOptions): Promise<WindowLoad> {
  const outcome = await runContinuousLoop({
    origin: options.origin,
    pathOf: () => options.path,
    connections: options.connections,
    requestTimeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    newConnection: false,
    warmup: { seconds: 0, minAnswers: 0, maxSeconds: 0 },
    window: { kind: 'fixed', seconds: options.durationSeconds },
    graceSeconds: REQUEST_TIMEOUT_SECONDS,
  });
  return windowResult(outcome);
}
