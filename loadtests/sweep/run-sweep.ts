// Runs every point of a sweep as its own measured run (fresh server, warm-up, window), one after
// another, through the load runner's runVariant, so a point measures exactly what a report row does.
import { DEFAULT_TIMEOUT_MS, defaultMaxQueue, SERVER_FLAGS } from '../../server/flags.ts';
import { variants, type VariantName } from '../../server/variants/index.ts';
import { buildRun } from '../measure/build-run.ts';
import { fixedWindow } from '../measure/fixed-window.ts';
import type { MeasureSettings } from '../measure/measure.ts';
import { measuredOrFailed, runVariant, serverOptionsFor, type RunContext } from '../measure/run-scenario.ts';
import * as format from '../report/format.ts';
import type { VariantSettingValues } from '../report/model.ts';
import { curlLoops } from '../scenarios/curl-loops.ts';
import type { SweepOptions } from './flags.ts';
import type { FailedPoint, SweepKind, SweepPoint, SweepSeries } from './model.ts';

interface PlannedPoint {
  readonly kind: SweepKind;
  readonly variant: VariantName;
  readonly x: number;
  readonly clients: number;
  readonly settings: VariantSettingValues;
}

export function planPoints(options: SweepOptions): PlannedPoint[] {
  const bySize = options.sizeVariants.flatMap((variant) => {
    const setting = variants[variant].sizeSetting!;
    return options.sizes.map(
      (x): PlannedPoint => ({
        kind: 'size',
        variant,
        x,
        clients: options.sizeClients,
        settings: { ...options.settings, [setting]: x },
      }),
    );
  });
  const byClients = options.clientVariants.flatMap((variant) =>
    options.clients.map((x): PlannedPoint => ({ kind: 'clients', variant, x, clients: x, settings: options.settings })),
  );
  return [...bySize, ...byClients];
}

export function axisOf(kind: SweepKind, variant: VariantName): string {
  const setting = variants[variant].sizeSetting;
  return kind === 'clients' || setting === null ? 'clients' : SERVER_FLAGS[setting];
}

/** One point's window: the curl-loops clients, keep-alive, the default bystander, no progress bar. */
function windowOf(options: SweepOptions, point: PlannedPoint): MeasureSettings {
  return fixedWindow(point.clients, options.warmupSeconds, options.durationSeconds);
}

export async function runSweep(options: SweepOptions, context: RunContext): Promise<SweepSeries[]> {
  const points = planPoints(options);
  const series = new Map<
    string,
    { kind: SweepKind; variant: VariantName; points: SweepPoint[]; failed: FailedPoint[] }
  >();
  for (const [index, point] of points.entries()) {
    // The curl-loops scenario on one variant, with the server's default queue and deadline.
    const plan = {
      scenario: curlLoops,
      maxQueue: defaultMaxQueue(point.settings.poolSize),
      timeoutMs: DEFAULT_TIMEOUT_MS,
    };
    const name = `${point.variant}, ${axisOf(point.kind, point.variant)} ${point.x}, ${format.clients(point.clients)}`;
    context.progress.step(name);
    context.say(`point ${index + 1} of ${points.length}: ${name}`);
    const serverOptions = serverOptionsFor(point.variant, plan, point.settings);
    // A point that cannot be measured is kept as failed: the sweep goes on with the others.
    const row = await measuredOrFailed(
      { variant: point.variant, repetition: 1, size: null, newConnection: false },
      async () => buildRun(await runVariant(serverOptions, 1, windowOf(options, point), context)),
      context.say,
    );
    const key = `${point.kind}/${point.variant}`;
    const entry = series.get(key) ?? { kind: point.kind, variant: point.variant, points: [], failed: [] };
    if (row.state === 'measured') entry.points.push({ x: point.x, run: row });
    else entry.failed.push({ x: point.x, reason: row.reason });
    series.set(key, entry);
  }
  return [...series.values()].map((entry) => ({ ...entry, axis: axisOf(entry.kind, entry.variant) }));
}
