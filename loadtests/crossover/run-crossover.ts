// Measures every point of a crossover: per work (a loop's CPU time, or the --handler) both variants'
// servers are up at once, and per body size (the body is the client's) their windows run interleaved,
// inline pool pool inline…, each by the load runner's own measure(), until the comparison of their
// runs is decided, the point's bound is reached, or (past a first look) its share of the run's time is spent.
import { blockOrder } from '../decide/abba.ts';
import { undecidable } from '../decide/replicates.ts';
import { type Bound, untilDecided } from '../decide/stopping.ts';
import { jsonPayload } from '../load/payload.ts';
import { buildRun } from '../measure/build-run.ts';
import { fixedWindow } from '../measure/fixed-window.ts';
import { measure } from '../measure/measure.ts';
import { failedRowOf, type RunContext } from '../measure/run-scenario.ts';
import type { VariantRun } from '../report/model.ts';
import { comparisonOf, MAX_BLOCKS_PER_POINT } from './analysis.ts';
import { type CrossoverSizing, onBothServers, type Served } from './both-servers.ts';
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

/** One (work, body) point on servers already up: its windows, inline and pool interleaved until decided or bound. */
interface Point {
  readonly work: CrossoverWork;
  readonly payloadBytes: number;
  readonly body: Uint8Array | null;
  readonly served: Served;
  /** The variants whose server had its first window: later ones find it warm and skip the warm-up. */
  readonly warmed: Set<CrossoverVariant>;
}

async function measurePoint(
  point: Point,
  bound: Bound,
  elapsedSeconds: () => number,
  run: { readonly options: CrossoverOptions; readonly sizing: CrossoverSizing; readonly context: RunContext },
): Promise<CrossoverWindow[]> {
  const { work, payloadBytes } = point;
  const { options, sizing, context } = run;
  // measure()'s line per window would be dozens here: one line per work, the window on the live line.
  const watch = { say: (): void => {}, progress: context.progress };
  const measureOne = async (variant: CrossoverVariant, runNumber: number): Promise<CrossoverWindow> => {
    context.progress.step(`${variant}, ${workName(work)}, ${bodyName(payloadBytes)}, run ${runNumber}`);
    const warmupSeconds = point.warmed.has(variant) ? 0 : options.warmupSeconds;
    point.warmed.add(variant);
    const window = fixedWindow(sizing.clients, warmupSeconds, options.durationSeconds);
    const key = { variant, work, payloadBytes };
    try {
      const { target, subject } = point.served(variant);
      const measured = await measure(target, subject, { ...window, requestBody: point.body }, watch);
      return windowOf({ ...key, run: runNumber }, buildRun(measured), measured.stats?.served ?? null);
    } catch (error) {
      const rowKey = { variant, repetition: runNumber, size: null, newConnection: false };
      return { state: 'failed', ...key, reason: failedRowOf(rowKey, error, context.say).reason };
    }
  };
  const result = await untilDecided<CrossoverWindow>({
    runBlock: async (block) => {
      const measured: CrossoverWindow[] = [];
      for (const variant of blockOrder(CROSSOVER_VARIANTS, block)) measured.push(await measureOne(variant, block + 1));
      return measured;
    },
    compareAll: (rows) => [comparisonOf(runsOf(rows)) ?? undecidable('inline', 'pool', 'req/s')],
    bound,
    elapsedSeconds,
  });
  return [...result.rows];
}

export async function runCrossover(
  options: CrossoverOptions,
  sizing: CrossoverSizing,
  context: RunContext,
): Promise<CrossoverWindow[]> {
  const works = planPoints(options, sizing.iterationsPerMicrosecond);
  const bodies = [...options.payloads].map((size) => [size, size === 0 ? null : jsonPayload(size)] as const);
  const windows: CrossoverWindow[] = [];
  const started = performance.now();
  const runSeconds = () => (performance.now() - started) / 1000;
  for (const [index, work] of works.entries()) {
    context.say(`point ${index + 1} of ${works.length}: ${workName(work)} per request, inline and pool`);
    try {
      await onBothServers(work, options, sizing, context, async (served) => {
        const warmed = new Set<CrossoverVariant>();
        for (const [bodyIndex, [payloadBytes, body]] of bodies.entries()) {
          // The run's time left, shared evenly by the points still to come: unspent time flows on.
          const pointsLeft = (works.length - index) * bodies.length - bodyIndex;
          const pointStarted = runSeconds();
          const bound = {
            maxBlocks: MAX_BLOCKS_PER_POINT,
            maxSeconds: Math.max(0, (options.maxDurationSeconds - pointStarted) / pointsLeft),
          };
          const point = { work, payloadBytes, body, served, warmed };
          const elapsed = () => runSeconds() - pointStarted;
          windows.push(...(await measurePoint(point, bound, elapsed, { options, sizing, context })));
        }
      });
    } catch (error) {
      // A server did not start or stop: every body size not yet measured on this work fails with that reason.
      const rowKey = { variant: 'inline and pool', repetition: 1, size: null, newConnection: false };
      const { reason } = failedRowOf(rowKey, error, context.say);
      for (const [payloadBytes] of bodies)
        for (const variant of CROSSOVER_VARIANTS)
          if (!windows.some((w) => w.work === work && w.payloadBytes === payloadBytes && w.variant === variant))
            windows.push({ state: 'failed', variant, work, payloadBytes, reason });
    }
  }
  return windows;
}

const isMeasured = (w: CrossoverWindow): w is MeasuredWindow => w.state === 'measured';
const runsOf = (rows: readonly CrossoverWindow[]) => ({
  inlineRuns: rows.filter(isMeasured).filter((w) => w.variant === 'inline'),
  poolRuns: rows.filter(isMeasured).filter((w) => w.variant === 'pool'),
});

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
