// Measures one target in one continuous closed loop: a first request alone (how long one takes),
// warm-up, the measured window with server-side figures taken at its edges, a graceful end, then
// the physical limit calibrated on the idle, warm server. Returns what was measured as it came
// (build-run.ts makes the report row of it). Works the same on a server this run spawned and on one
// it was pointed at; what a target cannot tell stays null.
import type { WorkEvent } from '../../server/log-line.ts';
import type { StatsBody } from '../../server/stats.ts';
import { type LoopOutcome, runContinuousLoop } from '../load/continuous-loop.ts';
import { warmupAnswersOf } from '../load/warm-up.ts';
import type { WindowLoad } from '../load/load-result.ts';
import type { RetryMode } from '../report/overload-model.ts';
import type { LocustEngine } from '../report/placement-model.ts';
import { clientPath } from '../load/target-url.ts';
import { windowResult } from '../load/window-result.ts';
import { calibrateLimit } from '../observe/calibrate.ts';
import { type RunningSampler, startSampler, type WindowFigures } from '../observe/cpu-sampler.ts';
import { type ProbeResult, type RunningProbe, startHealthProbe } from '../observe/health-probe.ts';
import type { Watch } from '../observe/run-progress.ts';
import { readStats, resetStats } from '../observe/stats-client.ts';
import type { ProcessGroup } from '../process/process-group.ts';
import type { Target } from '../process/target.ts';
import type { Limit, WorkKind } from '../report/figures.ts';
import type { VariantRun } from '../report/model.ts';
import { type DurationSettings, planWindow, type WindowPlan } from './window-plan.ts';
import { windowProgress } from './window-progress.ts';
import { checkAnswered } from './check-answered.ts';

/** How one target is measured: only what measure() uses, whoever calls it (loadtest, sweep, bench). */
export interface MeasureSettings extends DurationSettings {
  /** Closed-loop clients, one connection each. */
  readonly connections: number;
  readonly warmupSeconds: number;
  /**
   * Answers the warm-up also waits for, bounded by the request timeout; absent: one per client (a
   * round), so a window never opens on the start of a queue of long requests.
   */
  readonly warmupAnswers?: number;
  /** Pace of the bystander GET /health during the window. */
  readonly probeIntervalMs: number;
  /** One connection per request, closed after the answer (curl's way), instead of keep-alive. */
  readonly newConnection: boolean;
  /** Runs per row; with more than one, the log says which run this is. */
  readonly repeat: number;
  /**
   * Whether 503 and 504 answers are the outcome being measured (the overload scenario): a server
   * that answered every request with them is then a measured row, not a failed one.
   */
  readonly turnAwaysMeasured: boolean;
  /** What every request POSTs (--payload-bytes), the calibration's included; null: GETs. */
  readonly requestBody: Uint8Array | null;
  /** --engine locust: Locust's master and workers send the load; null or absent: autocannon. */
  readonly locust?: LocustEngine | null;
  /** --retry: how a turned-away client asks again; absent: at once. */
  readonly retry?: RetryMode;
}

/** What is being measured, beyond where: the settings of a variant, or none for a target. */
export interface Subject {
  readonly repetition: number;
  readonly work: WorkKind;
  /** How many requests the model lets progress at once; null = no bound of its own (or unknown). */
  readonly parallelism: number | null;
  readonly poolSize: number | null;
  readonly size: VariantRun['size'];
  readonly ioMs: number;
  /** --blocking-io-ms of a spawned server; 0 for a target (not known). */
  readonly blockingIoMs: number;
}

/** Everything one measurement took, unprocessed: the input of the pure row builder. */
export interface Measurement {
  /** The row's name: the variant, or --label. */
  readonly name: string;
  readonly subject: Subject;
  readonly settings: MeasureSettings;
  /** Describes a --target; null for a server this run spawned. */
  readonly target: VariantRun['target'];
  /** Whether the runner read the server's start/end lines. */
  readonly logged: boolean;
  readonly plan: WindowPlan;
  readonly outcome: LoopOutcome;
  readonly load: WindowLoad;
  readonly window: WindowFigures;
  readonly probe: ProbeResult;
  /** /stats at the window's end (counted from its start); null for a target without it. */
  readonly stats: StatsBody | null;
  /** The start/end lines the server logged inside the window. */
  readonly events: readonly WorkEvent[];
  readonly limit: Limit | null;
}

export async function measure(
  target: Target,
  subject: Subject,
  settings: MeasureSettings,
  { say, progress }: Watch,
  /** Where an engine's own processes (Locust's) are registered, so Ctrl-C and SIGTERM stop them too. */
  group: ProcessGroup | null = null,
): Promise<Measurement> {
  progress.detail('two requests alone');
  const plan = await planWindow(target, settings.connections, settings, settings.requestBody, subject.parallelism);
  // /stats comes on a new connection: a blocked loop needs a round of queued requests to accept it, one to read it.
  const statsTimeoutMs = 2 * plan.requestTimeoutSeconds * 1000;
  const of = settings.repeat > 1 ? ` (run ${subject.repetition} of ${settings.repeat})` : '';
  const pid = target.pid === null ? 'process not known' : `pid ${target.pid}`;
  say(`${target.name}: ${windowProgress.describe(plan, settings)}${of} (server ${pid})`);
  // Filled in by the hooks at the window's edges.
  const edges: {
    sampler: RunningSampler | null;
    probe: RunningProbe | null;
    window: WindowFigures | null;
    probed: ProbeResult | null;
    stats: StatsBody | null;
  } = { sampler: null, probe: null, window: null, probed: null, stats: null };
  const maxWindowSeconds = plan.window.kind === 'fixed' ? plan.window.seconds : plan.window.maxSeconds;
  // Once, at the window's close, or when the run breaks: a probe left running keeps the process alive.
  const stopObservers = async (): Promise<void> => {
    const { sampler, probe } = edges;
    [edges.sampler, edges.probe] = [null, null];
    const [window, probed] = await Promise.all([sampler?.stop() ?? null, probe?.stop() ?? null]);
    [edges.window, edges.probed] = [edges.window ?? window, edges.probed ?? probed];
  };
  const outcome = await runContinuousLoop(
    {
      origin: target.origin,
      pathOf: (clientId) => clientPath(target.pathTemplate, clientId),
      body: settings.requestBody,
      connections: settings.connections,
      requestTimeoutSeconds: plan.requestTimeoutSeconds,
      newConnection: settings.newConnection,
      locust: settings.locust ?? null,
      retry: settings.retry ?? 'at-once',
      group,
      // One round at least: each client has had an answer, on average, before the window opens.
      warmup: {
        seconds: settings.warmupSeconds,
        minAnswers: warmupAnswersOf(settings),
        maxSeconds: plan.requestTimeoutSeconds,
      },
      window: plan.window,
      graceSeconds: plan.requestTimeoutSeconds,
    },
    {
      async onWindowOpen() {
        target.log?.record();
        // The reset is sent first and the sampler started beside it: every ms the reset waited for the
        // sampler was answers the clients counted in the window and /stats did not (dozens at 1000 req/s).
        const reset = target.hasStats ? resetStats(target, statsTimeoutMs) : null;
        reset?.catch(() => {}); // rethrown below, once the sampler is in edges for stopObservers to stop
        edges.sampler = await startSampler(target.pid);
        const maxProbes = Math.ceil((maxWindowSeconds * 1000) / settings.probeIntervalMs);
        edges.probe = startHealthProbe(target.origin, settings.probeIntervalMs, maxProbes, target.info !== null);
        await reset;
      },
      async onWindowClose() {
        await stopObservers();
        edges.stats = target.hasStats ? await readStats(target, statsTimeoutMs) : null;
      },
      onProgress: (loop) => progress.detail(windowProgress.detail(loop)),
    },
  ).finally(stopObservers);
  const { window, probed, stats } = edges;
  if (window === null || probed === null) throw new Error('the window closed before its samplers started');
  // Only what the server logged inside the window: the graceful end and the calibration are not in it.
  const events = (target.log?.recorded() ?? []).filter((event) => event.atMs < outcome.endMs);
  const load = windowResult(outcome);
  checkAnswered(target.name, load.result, settings);
  progress.detail('calibrating the limit on the idle server');
  const limit = await calibrateLimit(
    target,
    {
      work: subject.work,
      parallelism: subject.parallelism,
      connections: settings.connections,
      ioMs: subject.ioMs,
      blockingIoMs: subject.blockingIoMs,
    },
    settings.requestBody,
  );
  return {
    name: target.name,
    subject,
    settings,
    target: target.info,
    logged: target.log !== null,
    plan,
    outcome,
    load,
    window,
    probe: probed,
    stats,
    events,
    limit,
  };
}
