// What a measurement runs against: a server this run spawned, or one already running
// (--target). The measurement asks only this; figures a target cannot give stay null.
import { createConnection } from 'node:net';
import { cpus, hostname } from 'node:os';
import { effectiveCores } from '../../server/cores.ts';
import { getText } from '../load/http-get.ts';
import type { StatsBody } from '../../server/stats.ts';
import type { EventLog } from '../observe/event-log.ts';
import type { TargetOptions } from '../options.ts';
import type { TargetInfo } from '../report/model.ts';
import type { ServerPlacement } from '../report/placement-model.ts';
import { describeExit, type ServerProcess } from './server-process.ts';
import { OWN_PATH_TEMPLATE } from '../load/target-url.ts';
import { MeasurementError } from '../observe/measurement-error.ts';

/** How long a target gets to answer the first request before it is called unreachable. */
export const REACH_TIMEOUT_MS = 5_000;

export interface Target {
  /** The row's name: the variant, or --label. */
  readonly name: string;
  /** "http://127.0.0.1:8000": /health and /stats are asked here. */
  readonly origin: string;
  readonly pathTemplate: string;
  /** Sampled with its descendants; null when no process is known. */
  readonly pid: number | null;
  /** Answers GET /stats and POST /stats/reset like this project's servers. */
  readonly hasStats: boolean;
  /** Its start/end lines, when the runner can read them. */
  readonly log: EventLog | null;
  /** null for a spawned server. */
  readonly info: TargetInfo | null;
  /** The cores the server may use (here: the effective cores; elsewhere: its machine's, as its /stats says), for its limit. */
  readonly cores: number;
  /** For a server this run spawned: how it ended, if it has (waiting a moment for the news), else null. */
  readonly exitNews?: () => Promise<string | null>;
}

/** A refused connection can come before the news that the process exited: give the news this long. */
const EXIT_NEWS_MS = 1_000;

export class TargetError extends MeasurementError {
  override name = 'TargetError';
}

export function spawnedTarget(name: string, server: ServerProcess): Target {
  const exitNews = async (): Promise<string | null> => {
    const noNews = new Promise<null>((resolve) => setTimeout(resolve, EXIT_NEWS_MS, null).unref());
    const status = await Promise.race([server.exited, noNews]);
    return status === null ? null : `exited during the run (${describeExit(status)}): ${server.stderrTail()}`;
  };
  return {
    name,
    origin: server.baseUrl,
    pathTemplate: OWN_PATH_TEMPLATE,
    pid: server.pid,
    hasStats: true,
    log: server,
    info: null,
    // A cgroup quota, not the visible CPUs, is what a server here can use.
    cores: effectiveCores().effective,
    exitNews,
  };
}

function looksLikeStats(body: unknown): body is StatsBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    'maxInFlight' in body &&
    typeof body.maxInFlight === 'number' &&
    'cpuUserMs' in body &&
    typeof body.cpuUserMs === 'number'
  );
}

/** Whether something accepts a connection on 127.0.0.1 at `port`. */
function acceptsOnIpv4(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port, timeout: REACH_TIMEOUT_MS });
    const done = (accepted: boolean) => () => {
      socket.destroy();
      resolve(accepted);
    };
    socket.once('connect', done(true)).once('error', done(false)).once('timeout', done(false));
  });
}

/**
 * What to ask when the target refused: a refusal on ::1 ([::1], or a localhost that resolved to it)
 * while 127.0.0.1 accepts means the server listens on 127.0.0.1 only, as this project's servers do.
 */
async function refusedHint(origin: string, error: unknown): Promise<string> {
  const port = Number(new URL(origin).port || 80);
  if ((error as { address?: string }).address === '::1' && (await acceptsOnIpv4(port)))
    return `nothing listens on ::1, but 127.0.0.1:${port} accepts: the server listens on 127.0.0.1 only, so use --target http://127.0.0.1:${port}/…`;
  return 'is the server running on that port?';
}

/** Whether the target answers at all (else one clear error), and its /stats if it has one like ours. */
async function askStats(origin: string, given: string): Promise<StatsBody | null> {
  let answer: { status: number; body: string };
  try {
    answer = await getText(`${origin}/stats`, { agent: false, timeoutMs: REACH_TIMEOUT_MS });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    if (code === 'TIMEOUT')
      throw new TargetError(`--target ${given}: connected, but no answer within ${REACH_TIMEOUT_MS / 1000} s`);
    const hint = code === 'ECONNREFUSED' ? await refusedHint(origin, error) : 'is the server running on that port?';
    throw new TargetError(`--target ${given}: cannot reach ${new URL(origin).host} (${code}); ${hint}`);
  }
  if (answer.status !== 200) return null;
  try {
    const body: unknown = JSON.parse(answer.body);
    return looksLikeStats(body) ? body : null;
  } catch {
    return null; // a 200 that is not JSON: some other /stats, or a route that took "stats" as an id
  }
}

/**
 * Where the target runs: its /stats names its machine (an older server of ours, or a foreign one,
 * does not); without that, a loopback host is this machine and any other is elsewhere.
 */
function placementOf(stats: StatsBody | null, loopback: boolean): ServerPlacement {
  const host = (stats as Partial<StatsBody> | null)?.host;
  if (host === undefined)
    return loopback ? { state: 'same machine' } : { state: 'elsewhere', hostname: null, cpus: null };
  // The same name and the same core count: one machine, whatever address the server listens on (127.0.0.2).
  if (host.hostname === hostname() && host.cpus === cpus().length) return { state: 'same machine' };
  return { state: 'elsewhere', hostname: host.hostname, cpus: host.cpus };
}

export async function openExternalTarget(options: TargetOptions, log: EventLog | null): Promise<Target> {
  const url = `${options.url.origin}${options.url.pathTemplate}`;
  const stats = await askStats(options.url.origin, url);
  const hasStats = stats !== null;
  const placement = placementOf(stats, options.url.loopback);
  return {
    name: options.label,
    origin: options.url.origin,
    pathTemplate: options.url.pathTemplate,
    pid: options.pid,
    hasStats,
    log,
    info: { url, pid: options.pid, hasStats, logged: log !== null, startedBy: options.startedBy ?? null, placement },
    cores: placement.state === 'elsewhere' && placement.cpus !== null ? placement.cpus : effectiveCores().effective,
  };
}
