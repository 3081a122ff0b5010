// Runs a sweep: calibrates what one request costs, predicts the knee and chooses sizes and clients
// around it (flags may fix them), then measures every point as its own run (fresh server, warm-up,
// window) through the load runner's runVariant, so a point measures exactly what a report row does.
// With --repeat, the whole round again, so a slow spell of the machine does not hit one point only.
import { describeCores, effectiveCores } from '../../server/cores.ts';
import { DEFAULT_TIMEOUT_MS, defaultMaxQueue, POOL_SIZE_RANGE, SERVER_FLAGS } from '../../server/flags.ts';
import { variants, type VariantName } from '../../server/variants/index.ts';
import { jsonPayload } from '../load/payload.ts';
import { WARMUP_ANSWERS_PER_THREAD } from '../load/warm-up.ts';
import { buildRun } from '../measure/build-run.ts';
import { fixedWindow } from '../measure/fixed-window.ts';
import type { MeasureSettings } from '../measure/measure.ts';
import { measuredOrFailed, runVariant, serverOptionsFor, type RunContext } from '../measure/run-scenario.ts';
import * as format from '../report/format.ts';
import type { VariantSettingValues } from '../report/model.ts';
import { curlLoops } from '../scenarios/curl-loops.ts';
import { calibrateLoaded, saturatingSize } from '../sizing/calibrate-loaded.ts';
import { calibrateWork } from '../sizing/calibrate-work.ts';
import { watching } from '../observe/run-progress.ts';
import { planSweep } from '../sizing/predict.ts';
import type { SweepOptions } from './flags.ts';
import type { FailedPoint, SweepKind, SweepPoint, SweepPrediction, SweepSeries } from './model.ts';

interface PlannedPoint {
  readonly kind: SweepKind;
  readonly variant: VariantName;
  readonly x: number;
  readonly clients: number;
  readonly settings: VariantSettingValues;
}

/** The largest size --workers takes: a sweep over cluster stops there. */
const WORKERS_MAX = 64;
/** --quick: one size per doubling, up to twice the knee; otherwise one per doubling up to 4×. */
const SHAPE = { quick: { stepsPerDoubling: 1, reach: 2 }, full: { stepsPerDoubling: 1, reach: 4 } } as const;

export function planPoints(options: SweepOptions, sizes: readonly number[], sizeClients: number): PlannedPoint[] {
  const bySize = options.sizeVariants.flatMap((variant) => {
    const setting = variants[variant].sizeSetting!;
    return sizes.map(
      (x): PlannedPoint => ({
        kind: 'size',
        variant,
        x,
        clients: sizeClients,
        settings: { ...options.settings, [setting]: x },
      }),
    );
  });
  const byClients = options.clientVariants.flatMap((variant) =>
    options.clients.map((x): PlannedPoint => ({ kind: 'clients', variant, x, clients: x, settings: options.settings })),
  );
  return [...bySize, ...(options.clients.length === 0 ? [] : byClients)];
}

export function axisOf(kind: SweepKind, variant: VariantName): string {
  const setting = variants[variant].sizeSetting;
  return kind === 'clients' || setting === null ? 'clients' : SERVER_FLAGS[setting];
}

/** The curl-loops scenario on one variant, with the server's default queue and deadline. */
const planOf = (settings: VariantSettingValues) => ({
  scenario: curlLoops,
  maxQueue: defaultMaxQueue(settings.poolSize),
  timeoutMs: DEFAULT_TIMEOUT_MS,
});

/** Calibrates C and W on a pool of the effective cores' size, and plans the sizes around the knee. */
async function predict(options: SweepOptions, body: Uint8Array | null, context: RunContext): Promise<SweepPrediction> {
  const cores = effectiveCores();
  const { handlerPath, transfer } = options.workload;
  const settings = options.settings;
  const serverOptions = serverOptionsFor('pool', planOf(settings), settings, { handler: handlerPath, transfer });
  context.say(`calibrating one request's CPU and wait on a pool of ${settings.poolSize} (${describeCores(cores)})`);
  const alone = await calibrateWork(serverOptions, body, context);
  const cluster = options.sizeVariants.some((variant) => variants[variant].sizeSetting === 'workers');
  const maxSize = cluster ? WORKERS_MAX : POOL_SIZE_RANGE.max;
  const size = saturatingSize(alone, cores.effective, POOL_SIZE_RANGE.max);
  context.progress.step(`C under load: a pool of ${size}, ${format.clients(size + 1)}`);
  const loaded = await calibrateLoaded(serverOptions, size, body, context);
  const calibration = { ...alone, computeMs: loaded.computeMs, aloneComputeMs: alone.computeMs, loaded };
  const plan = planSweep({ computeMs: calibration.computeMs, waitMs: calibration.waitMs }, cores.effective, {
    ...(options.quick ? SHAPE.quick : SHAPE.full),
    maxSize,
  });
  const prediction = {
    cores,
    calibration,
    knee: plan.knee,
    boundsKnee: plan.boundsKnee,
    sizes: options.sizes ?? plan.sizes,
    clients: options.sizeClients ?? plan.clients,
  };
  context.say(
    `C = ${format.ms(calibration.computeMs)} ms CPU under load (${format.ms(alone.computeMs)} alone), W = ${format.ms(calibration.waitMs)} ms held without CPU: predicted knee ${prediction.knee}; sizes ${prediction.sizes.join(',')} with ${format.clients(prediction.clients)}`,
  );
  return prediction;
}

export interface SweepRun {
  readonly prediction: SweepPrediction;
  readonly series: SweepSeries[];
}

/**
 * `outer` says lines; the sweep makes its own progress lines (the calibration, then the points:
 * their number is known once the prediction has chosen the sizes).
 */
export async function runSweep(options: SweepOptions, outer: Pick<RunContext, 'group' | 'say'>): Promise<SweepRun> {
  const body = options.workload.payloadBytes > 0 ? jsonPayload(options.workload.payloadBytes) : null;
  const calibrating = watching(outer.say, 2);
  calibrating.progress.step('calibrating C (CPU per request) and W (wait per request)');
  const prediction = await predict(options, body, { group: outer.group, ...calibrating }).finally(() =>
    calibrating.progress.clear(),
  );
  const points = planPoints(options, prediction.sizes, prediction.clients);
  const watch = watching(outer.say, points.length * options.repeat);
  const context: RunContext = { group: outer.group, ...watch };
  const { progress } = watch;
  const { handlerPath, transfer } = options.workload;
  const series = new Map<
    string,
    { kind: SweepKind; variant: VariantName; points: SweepPoint[]; failed: FailedPoint[] }
  >();
  const total = points.length * options.repeat;
  for (let repetition = 1; repetition <= options.repeat; repetition++) {
    for (const [index, point] of points.entries()) {
      const step = (repetition - 1) * points.length + index + 1;
      const name = `${point.variant} ${axisOf(point.kind, point.variant)} ${point.x}, ${format.clients(point.clients)}${options.repeat > 1 ? `, run ${repetition} of ${options.repeat}` : ''}`;
      progress.step(name);
      context.say(`point ${step} of ${total}: ${name}`);
      const serverOptions = serverOptionsFor(point.variant, planOf(point.settings), point.settings, {
        handler: handlerPath,
        transfer,
      });
      const window: MeasureSettings = {
        ...fixedWindow(point.clients, options.warmupSeconds, options.durationSeconds),
        requestBody: body,
        // A size point: answers per thread; a clients point: one round (the default).
        ...(point.kind === 'size' ? { warmupAnswers: WARMUP_ANSWERS_PER_THREAD * point.x } : {}),
      };
      // A point that cannot be measured is kept as failed: the sweep goes on with the others.
      const row = await measuredOrFailed(
        { variant: point.variant, repetition, size: null, newConnection: false },
        async () => buildRun(await runVariant(serverOptions, repetition, window, context)),
        context.say,
      );
      const key = `${point.kind}/${point.variant}`;
      const entry = series.get(key) ?? { kind: point.kind, variant: point.variant, points: [], failed: [] };
      if (row.state === 'measured') {
        entry.points.push({ x: point.x, run: row });
        context.say(`${name}: ${format.perSecond(row.requestsPerSecond)} req/s`);
      } else entry.failed.push({ x: point.x, repetition, reason: row.reason });
      series.set(key, entry);
    }
  }
  progress.clear();
  return {
    prediction,
    series: [...series.values()].map((entry) => ({
      ...entry,
      points: [...entry.points].sort((a, b) => a.x - b.x || a.run.repetition - b.run.repetition),
      axis: axisOf(entry.kind, entry.variant),
    })),
  };
}
