// Measures one target: an uncounted warm-up, the measured window with server-side figures taken
// at its edges, then the physical limit calibrated on the idle, warm server. Returns what was
// measured as it came (build-run.ts makes the report row of it). Works the same on a server this
// run spawned and on one it was pointed at; what a target cannot tell stays null.
import type { WorkEvent } from '../../server/log-line.ts';
import type { StatsBody } from '../../server/stats.ts';
import { runClosedLoop } from '../load/closed-loop.ts';
import type { LoadResult } from '../load/load-result.ts';
import { calibrateLimit } from '../observe/calibrate.ts';
import { startSampler, type WindowFigures } from '../observe/cpu-sampler.ts';
import { drain } from '../observe/drain.ts';
import { startHealthProbe, type ProbeResult } from '../observe/health-probe.ts';
import { MeasurementError } from '../observe/measurement-error.ts';
import { readStats, resetStats } from '../observe/stats-client.ts';
import type { Target } from '../process/target.ts';
import type { ClientTally, Limit, WorkKind } from '../report/figures.ts';
import * as format from '../report/format.ts';
import type { VariantRun } from '../report/model.ts';

/** How one target is measured: only what measure() uses, whoever calls it (loadtest, sweep, bench). */
export interface MeasureSettings {
  /** Closed-loop clients, one connection each. */
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  /** Pace of the bystander GET /health during the window. */
  readonly probeIntervalMs: number;
  /** One connection per request, closed after the answer (curl's way), instead of keep-alive. */
  readonly newConnection: boolean;
  /** Runs per row; with more than one, the progress line says which run this is. */
  readonly repeat: number;
  /** autocannon's progress bar on stderr. */
  readonly showProgress: boolean;
  /**
   * Whether 503 and 504 answers are the outcome being measured (the overload scenario): a server
   * that answered every request with them is then a measured row, not a failed one.
   */
  readonly turnAwaysMeasured: boolean;
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
  readonly load: LoadResult;
  readonly clients: readonly ClientTally[];
  readonly window: WindowFigures;
  readonly probe: ProbeResult;
  /** /stats at the window's end; null for a target without it. */
  readonly stats: StatsBody | null;
  /** The start/end lines the server logged inside the window. */
  readonly events: readonly WorkEvent[];
  /** Date.now() when the window opened, for the timeline. */
  readonly windowStartMs: number;
  readonly limit: Limit | null;
}

/** The statuses a server answers with when it turns a request away (503) or its deadline passes (504). */
const TURN_AWAY_STATUSES = ['503', '504'];

/** Whether the server answered, and every answer that was not 2xx was a 503 or 504. */
function onlyTurnedAway(load: LoadResult): boolean {
  const statuses = Object.entries(load.statusCounts).filter(([status, count]) => count > 0 && !status.startsWith('2'));
  return statuses.length > 0 && statuses.every(([status]) => TURN_AWAY_STATUSES.includes(status));
}

/** Throws when nothing was answered, or nothing but failures: never a row of zeros. */
function checkAnswered(name: string, load: LoadResult, settings: MeasureSettings): void {
  const failed = load.errors + load.timeouts + load.non2xx;
  if (load.ok === 0 && failed === 0)
    throw new MeasurementError(
      `the ${name} server answered none of the requests sent in ${settings.durationSeconds} s`,
    );
  if (load.ok === 0 && settings.turnAwaysMeasured && onlyTurnedAway(load)) return;
  if (load.ok === 0 || load.latencyMs === null) {
    throw new MeasurementError(
      `every request to the ${name} server failed: ${format.plural(load.errors, 'error')}, ${format.plural(load.timeouts, 'timeout')}, ${format.plural(load.non2xx, 'non-2xx answer')}`,
    );
  }
}

export async function measure(
  target: Target,
  subject: Subject,
  settings: MeasureSettings,
  say: (line: string) => void,
): Promise<Measurement> {
  const load = {
    origin: target.origin,
    pathTemplate: target.pathTemplate,
    connections: settings.connections,
    newConnection: settings.newConnection,
    showProgress: settings.showProgress,
  };
  if (settings.warmupSeconds > 0) {
    say(`${target.name}: warm-up ${settings.warmupSeconds} s (not counted)`);
    target.log?.record(); // from an idle server, so the log can tell when the warm-up has drained
    await runClosedLoop({ ...load, durationSeconds: settings.warmupSeconds });
    await drain(target);
  }
  const of = settings.repeat > 1 ? ` (run ${subject.repetition} of ${settings.repeat})` : '';
  const pid = target.pid === null ? 'process not known' : `pid ${target.pid}`;
  const mode = settings.newConnection ? ', a new connection per request' : '';
  say(
    `${target.name}: measuring ${settings.durationSeconds} s with ${format.clients(settings.connections)}${mode}${of} (server ${pid})`,
  );
  target.log?.record();
  if (target.hasStats) await resetStats(target);
  const windowStartMs = Date.now();
  const sampler = await startSampler(target.pid);
  const probe = startHealthProbe(
    target.origin,
    settings.probeIntervalMs,
    Math.ceil((settings.durationSeconds * 1000) / settings.probeIntervalMs),
    target.info !== null,
  );
  const { result, clients } = await runClosedLoop({ ...load, durationSeconds: settings.durationSeconds });
  const windowEndMs = Date.now();
  const [window, probed] = await Promise.all([sampler.stop(), probe.stop()]);
  const stats = target.hasStats ? await readStats(target) : null;
  // Only what the server logged inside the window: requests still finishing after it (and the
  // calibration below) are not part of what the clients were answered.
  const events = (target.log?.recorded() ?? []).filter((event) => event.atMs <= windowEndMs);
  checkAnswered(target.name, result, settings);
  const limit = await calibrateLimit(target, {
    work: subject.work,
    parallelism: subject.parallelism,
    connections: settings.connections,
    ioMs: subject.ioMs,
  });
  return {
    name: target.name,
    subject,
    settings,
    target: target.info,
    logged: target.log !== null,
    load: result,
    clients,
    window,
    probe: probed,
    stats,
    events,
    windowStartMs,
    limit,
  };
}
