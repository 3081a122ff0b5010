// Runs every point of a sweep as its own measured run (fresh server, warm-up, window), one after
// another, reusing the load runner's runVariant so a point measures exactly what a report row does.
import { DEFAULT_TIMEOUT_MS, defaultMaxQueue, SERVER_FLAGS } from '../../server/flags.ts';
import { variants, type VariantName } from '../../server/variants/index.ts';
import type { LoadtestOptions, PlannedScenario } from '../flags.ts';
import { DEFAULT_PROBE_INTERVAL_MS } from '../observe/health-probe.ts';
import { runVariant, type RunContext } from '../measure/run-scenario.ts';
import { curlLoops } from '../scenarios/curl-loops.ts';
import * as format from '../report/format.ts';
import type { SweepOptions } from './flags.ts';
import type { SweepKind, SweepSeries } from './model.ts';

interface PlannedPoint {
  readonly kind: SweepKind;
  readonly variant: VariantName;
  readonly x: number;
  readonly clients: number;
  readonly settings: LoadtestOptions['settings'];
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

export async function runSweep(options: SweepOptions, context: Omit<RunContext, 'options'>): Promise<SweepSeries[]> {
  const points = planPoints(options);
  const series = new Map<
    string,
    { kind: SweepKind; variant: VariantName; points: { x: number; run: Awaited<ReturnType<typeof runVariant>> }[] }
  >();
  for (const [index, point] of points.entries()) {
    const plan: PlannedScenario = {
      scenario: curlLoops,
      variants: [point.variant],
      connections: point.clients,
      maxQueue: defaultMaxQueue(point.settings.poolSize),
      timeoutMs: DEFAULT_TIMEOUT_MS,
    };
    const runOptions: LoadtestOptions = {
      plans: [plan],
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      settings: point.settings,
      repeat: 1,
      probeIntervalMs: DEFAULT_PROBE_INTERVAL_MS,
      failOnErrors: null,
      target: null,
      newConnection: false,
      writeReport: false,
      reportsDir: options.reportsDir,
    };
    context.say(
      `point ${index + 1} of ${points.length}: ${point.variant}, ${axisOf(point.kind, point.variant)} ${point.x}, ${format.clients(point.clients)}`,
    );
    const run = await runVariant(point.variant, 1, plan, { ...context, options: runOptions });
    const key = `${point.kind}/${point.variant}`;
    const entry = series.get(key) ?? { kind: point.kind, variant: point.variant, points: [] };
    entry.points.push({ x: point.x, run });
    series.set(key, entry);
  }
  return [...series.values()].map((entry) => ({ ...entry, axis: axisOf(entry.kind, entry.variant) }));
}
