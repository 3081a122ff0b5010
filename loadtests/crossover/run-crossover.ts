// Measures every window of a crossover: one server per (variant, work), and on it one window per
// body size (the body is the client's, so the server need not restart), each by the load runner's
// own measure(): continuous clients, warm-up, the window, its interval, the calibration after it.
import { DEFAULT_TIMEOUT_MS, defaultMaxQueue, type ServerOptions } from '../../server/flags.ts';
import { jsonPayload } from '../load/payload.ts';
import { buildRun } from '../measure/build-run.ts';
import { fixedWindow } from '../measure/fixed-window.ts';
import { measure } from '../measure/measure.ts';
import { failedRowOf, type RunContext, serverOptionsFor } from '../measure/run-scenario.ts';
import { onVariantServer } from '../measure/variant-server.ts';
import type { VariantRun, VariantSettingValues } from '../report/model.ts';
import { curlLoops } from '../scenarios/curl-loops.ts';
import type { CrossoverOptions } from './flags.ts';
import { iterationsFor } from './loop-rate.ts';
import { bytes } from './tables.ts';
import {
  CROSSOVER_VARIANTS,
  type CrossoverVariant,
  type CrossoverWindow,
  type CrossoverWork,
  type MeasuredWindow,
} from './model.ts';

/** One server of the run: a variant and what each request runs. */
export interface PlannedServer {
  readonly variant: CrossoverVariant;
  readonly work: CrossoverWork;
}

export interface CrossoverSizing {
  readonly iterationsPerMicrosecond: number;
  readonly poolSize: number;
  readonly clients: number;
  readonly settings: VariantSettingValues;
}

/** Each loop point on inline, then on pool; then the handler on both, when there is one. */
export function planServers(options: CrossoverOptions, iterationsPerMicrosecond: number): PlannedServer[] {
  const loops = options.cpuMicros.flatMap((cpuMicrosPerRequest) =>
    CROSSOVER_VARIANTS.map(
      (variant): PlannedServer => ({
        variant,
        work: {
          kind: 'loop',
          cpuMicrosPerRequest,
          iterations: iterationsFor(cpuMicrosPerRequest, iterationsPerMicrosecond),
        },
      }),
    ),
  );
  if (options.handlerPath === null) return loops;
  return [...loops, ...CROSSOVER_VARIANTS.map((variant): PlannedServer => ({ variant, work: { kind: 'handler' } }))];
}

export function workName(work: CrossoverWork): string {
  return work.kind === 'handler' ? 'your handler' : `${work.cpuMicrosPerRequest} µs of loop`;
}

export const bodyName = (payloadBytes: number): string =>
  payloadBytes === 0 ? 'no body (GET)' : `${bytes(payloadBytes)} body`;

/**
 * Quiet servers: a start and an end line per request would cost a write on the event loop (and,
 * from the pool's threads, a message to it) at thousands of requests per second, in both variants.
 */
function serverOptions(planned: PlannedServer, options: CrossoverOptions, sizing: CrossoverSizing): ServerOptions {
  const plan = { scenario: curlLoops, maxQueue: defaultMaxQueue(sizing.poolSize), timeoutMs: DEFAULT_TIMEOUT_MS };
  const handler = planned.work.kind === 'handler' ? options.handlerPath : null;
  const iterations = planned.work.kind === 'loop' ? planned.work.iterations : sizing.settings.iterations;
  return {
    ...serverOptionsFor(
      planned.variant,
      plan,
      { ...sizing.settings, iterations },
      { handler, transfer: options.transfer },
    ),
    quiet: true,
  };
}

export async function runCrossover(
  options: CrossoverOptions,
  sizing: CrossoverSizing,
  context: RunContext,
): Promise<CrossoverWindow[]> {
  const servers = planServers(options, sizing.iterationsPerMicrosecond);
  const bodies = new Map(options.payloads.map((bytes) => [bytes, bytes === 0 ? null : jsonPayload(bytes)] as const));
  const windows: CrossoverWindow[] = [];
  // measure()'s line per window would be dozens here: one line per server, the window on the live line.
  const watch = { say: (): void => {}, progress: context.progress };
  for (const [index, planned] of servers.entries()) {
    const key = (payloadBytes: number) => ({ variant: planned.variant, work: planned.work, payloadBytes });
    const rowKey = { variant: planned.variant, repetition: 1, size: null, newConnection: false };
    context.say(`server ${index + 1} of ${servers.length}: ${planned.variant}, ${workName(planned.work)} per request`);
    const measureAll = async (): Promise<void> =>
      onVariantServer(serverOptions(planned, options, sizing), 1, sizing.clients, context, async (target, subject) => {
        for (const [payloadBytes, body] of bodies) {
          context.progress.step(`${planned.variant}, ${workName(planned.work)}, ${bodyName(payloadBytes)}`);
          const settings = {
            ...fixedWindow(sizing.clients, options.warmupSeconds, options.durationSeconds),
            requestBody: body,
          };
          try {
            const measured = await measure(target(planned.variant), subject, settings, watch);
            const run = buildRun(measured);
            windows.push(windowOf(key(payloadBytes), run, measured.stats?.served ?? null));
          } catch (error) {
            const { reason } = failedRowOf(rowKey, error, context.say);
            windows.push({ state: 'failed', ...key(payloadBytes), reason });
          }
        }
      });
    try {
      await measureAll();
    } catch (error) {
      // The server did not start or stop: every body size not yet measured on it fails with that reason.
      const { reason } = failedRowOf(rowKey, error, context.say);
      const done = new Set(
        windows.filter((w) => w.variant === planned.variant && w.work === planned.work).map((w) => w.payloadBytes),
      );
      for (const bytes of options.payloads)
        if (!done.has(bytes)) windows.push({ state: 'failed', ...key(bytes), reason });
    }
  }
  return windows;
}

/** The window's figures; the server's count from /stats, since quiet servers log no End lines to count. */
function windowOf(
  key: Pick<MeasuredWindow, 'variant' | 'work' | 'payloadBytes'>,
  run: VariantRun,
  servedByServer: number | null,
): MeasuredWindow {
  const cpuMs = run.limit?.cpuMsPerRequest ?? null;
  return {
    state: 'measured',
    ...key,
    requests: run.requests,
    servedByServer,
    requestsPerSecond: run.requestsPerSecond,
    requestsPerSecondCi95: run.requestsPerSecondCi95,
    latencyP99Ms: run.latencyMs?.p99 ?? null,
    healthP99Ms: run.health.latencyMs?.p99 ?? null,
    serverCpuMicrosPerRequest: cpuMs === null ? null : cpuMs * 1000,
    failedRequests: run.errors + run.timeouts + run.non2xx,
  };
}
