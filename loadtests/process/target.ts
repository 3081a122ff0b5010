// What a measurement runs against: a server this run spawned, or one already running
// (--target). The measurement asks only this; figures a target cannot give stay null.
import { getText } from '../load/http-get.ts';
import type { StatsBody } from '../../server/stats.ts';
import type { EventLog } from '../observe/event-log.ts';
import type { TargetOptions } from '../options.ts';
import type { TargetInfo } from '../report/model.ts';
import { describeExit, type ServerProcess } from './server-process.ts';
import { OWN_PATH_TEMPLATE } from '../load/target-url.ts';

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
  /** For a server this run spawned: how it ended, if it has (waiting a moment for the news), else null. */
  readonly exitNews?: () => Promise<string | null>;
}

/** A refused connection can come before the news that the process exited: give the news this long. */
const EXIT_NEWS_MS = 1_000;

export class TargetError extends Error {
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

/** Whether the target answers at all (else one clear error), and whether it has /stats. */
async function askStats(origin: string, given: string): Promise<boolean> {
  let answer: { status: number; body: string };
  try {
    answer = await getText(`${origin}/stats`, { agent: false, timeoutMs: REACH_TIMEOUT_MS });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    if (code === 'TIMEOUT')
      throw new TargetError(`--target ${given}: connected, but no answer within ${REACH_TIMEOUT_MS / 1000} s`);
    throw new TargetError(
      `--target ${given}: cannot reach ${new URL(origin).host} (${code}); is the server running on that port?`,
    );
  }
  if (answer.status !== 200) return false;
  try {
    return looksLikeStats(JSON.parse(answer.body));
  } catch {
    return false; // a 200 that is not JSON: some other /stats, or a route that took "stats" as an id
  }
}

export async function openExternalTarget(options: TargetOptions, log: EventLog | null): Promise<Target> {
  const url = `${options.url.origin}${options.url.pathTemplate}`;
  const hasStats = await askStats(options.url.origin, url);
  return {
    name: options.label,
    origin: options.url.origin,
    pathTemplate: options.url.pathTemplate,
    pid: options.pid,
    hasStats,
    log,
    info: { url, pid: options.pid, hasStats, logged: log !== null },
  };
}
