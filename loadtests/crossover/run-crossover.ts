// Measures every point of a crossover: per work (a loop's CPU time, or the --handler) both variants'
// servers are up at once, and per body size (the body is the client's) their windows run interleaved,
// inline pool pool inline…, each by the load runner's own measure(), until the comparison of their
// runs is decided, the point's bound is reached, or (past a first look) its share of the run's time is spent.
import { blockOrder } from '../decide/abba.ts';
import { untilDecided } from '../decide/stopping.ts';
import { jsonPayload } from '../load/payload.ts';
import { buildRun } from '../measure/build-run.ts';
import { fixedWindow } from '../measure/fixed-window.ts';
import { measure } from '../measure/measure.ts';
import { failedRowOf, type RunContext } from '../measure/run-scenario.ts';
import type { VariantRun } from '../report/model.ts';
import { comparisonOf, MAX_BLOCKS_PER_POINT } from './analysis.ts';
import { type CrossoverSizing, onBothServers } from './both-servers.ts';
import type { CrossoverOptions } from './flags.ts';
import { iterationsFor } from './loop-rate.ts';
import {
  CROSSOVER_VARIANTS,
  type CrossoverVariant,
  type CrossoverWindow,
  type CrossoverWork,
  type MeasuredWindow,
} from './model.ts';
import { bytes } from './tables.ts';

/** Each loop point, then the handler when there is one: both variants run each. */
export function planPoints(options: CrossoverOptions, iterationsPerMicrosecond: number): CrossoverWork[] {
  const loops = options.cpuMicros.map(
    (cpuMicrosPerRequest): CrossoverWork => ({
      kind: 'loop',
      cpuMicrosPerRequest,
      iterations: iterationsFor(cpuMicrosPerRequest, iterationsPerMicrosecond),
    }),
  );
  return options.handlerPath === null ? loops : [...loops, { kind: 'handler' }];
}

export function workName(work: CrossoverWork): string {
  return work.kind === 'handler' ? 'your handler' : `${work.cpuMicrosPerRequest} µs of loop`;
}

export const bodyName = (payloadBytes: number): string =>
  payloadBytes === 0 ? 'no body (GET)' : `${bytes(payloadBytes)} body`;

export async function runCrossover(
  options: CrossoverOptions,
  sizing: CrossoverSizing,
  context: RunContext,
): Promise<CrossoverWindow[]> {
  const works = planPoints(options, sizing.iterationsPerMicrosecond);
  const bodies = [...options.payloads].map((size) => [size, size === 0 ? null : jsonPayload(size)] as const);
  const windows: CrossoverWindow[] = [];
  const started = performance.now();
  const elapsedSeconds = () => (performance.now() - started) / 1000;
  // measure()'s line per window would be dozens here: one line per work, the window on the live line.
  const watch = { say: (): void => {}, progress: context.progress };
  for (const [index, work] of works.entries()) {
    context.say(`point ${index + 1} of ${works.length}: ${workName(work)} per request, inline and pool`);
    const failAll = (payloadBytes: number, reason: string) => {
      for (const variant of CROSSOVER_VARIANTS)
        if (!windows.some((w) => w.work === work && w.payloadBytes === payloadBytes && w.variant === variant))
          windows.push({ state: 'failed', variant, work, payloadBytes, reason });
    };
    try {
      await onBothServers(work, options, sizing, context, async (served) => {
        const warmed = new Set<CrossoverVariant>();
        for (const [bodyIndex, [payloadBytes, body]] of bodies.entries()) {
          const pointsLeft = (works.length - index) * bodies.length - bodyIndex;
          const pointStarted = elapsedSeconds();
          const mine: CrossoverWindow[] = [];
          const measureOne = async (variant: CrossoverVariant, run: number): Promise<CrossoverWindow> => {
            context.progress.step(`${variant}, ${workName(work)}, ${bodyName(payloadBytes)}, run ${run}`);
            // Only a server's first window warms it; later ones find it warm.
            const warmupSeconds = warmed.has(variant) ? 0 : options.warmupSeconds;
            warmed.add(variant);
            const settings = {
              ...fixedWindow(sizing.clients, warmupSeconds, options.durationSeconds),
              requestBody: body,
            };
            const key = { variant, work, payloadBytes };
            try {
              const { target, subject } = served(variant);
              const measured = await measure(target, subject, settings, watch);
              return windowOf({ ...key, run }, buildRun(measured), measured.stats?.served ?? null);
            } catch (error) {
              const rowKey = { variant, repetition: run, size: null, newConnection: false };
              return { state: 'failed', ...key, reason: failedRowOf(rowKey, error, context.say).reason };
            }
          };
          await untilDecided<CrossoverWindow>({
            runBlock: async (block) => {
              const measured: CrossoverWindow[] = [];
              for (const variant of blockOrder(CROSSOVER_VARIANTS, block))
                measured.push(await measureOne(variant, block + 1));
              mine.push(...measured);
              windows.push(...measured);
              return measured;
            },
            compareAll: (rows) => [comparisonOf(runsOf(rows)) ?? NO_RUNS],
            bound: {
              maxBlocks: MAX_BLOCKS_PER_POINT,
              maxSeconds: Math.max(0, (options.maxDurationSeconds - pointStarted) / pointsLeft),
            },
            elapsedSeconds: () => elapsedSeconds() - pointStarted,
          });
        }
      });
    } catch (error) {
      // A server did not start or stop: every body size not yet measured on this work fails with that reason.
      const rowKey = { variant: 'inline and pool', repetition: 1, size: null, newConnection: false };
      const { reason } = failedRowOf(rowKey, error, context.say);
      for (const [payloadBytes] of bodies) failAll(payloadBytes, reason);
    }
  }
  return windows;
}

const isMeasured = (w: CrossoverWindow): w is MeasuredWindow => w.state === 'measured';
const runsOf = (rows: readonly CrossoverWindow[]) => ({
  inlineRuns: rows.filter(isMeasured).filter((w) => w.variant === 'inline'),
  poolRuns: rows.filter(isMeasured).filter((w) => w.variant === 'pool'),
});

/** A point with a side that measured nothing: open, and more runs of a failing server will not decide it. */
const NO_RUNS = {
  a: 'inline',
  b: 'pool',
  metric: 'req/s',
  ratio: Number.NaN,
  ratioCi95: [0, Number.POSITIVE_INFINITY],
  outcome: 'inconclusive',
  margin: 0,
  moreRounds: null,
} as const;

/** The window's figures; the server's count from /stats, since quiet servers log no End lines to count. */
function windowOf(
  key: Pick<MeasuredWindow, 'variant' | 'work' | 'payloadBytes' | 'run'>,
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
