// The server's own `top -H` view: CPU %, threads and busy threads of its processes since the last
// /stats reset, read from /proc inside the server. A runner on another machine cannot sample the
// server's pid, so /stats carries these figures itself.
import cluster from 'node:cluster';
import { cpus, hostname } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import {
  cpuBetween,
  descendants,
  readMembers,
  numbered,
  parentPid,
  type ProcessSnapshot,
  type WindowCpu,
} from './proc-threads.ts';

/** Where the server runs, as the report names it beside the load generator's machine. */
export interface HostInfo {
  readonly hostname: string;
  readonly cpus: number;
}

export const hostInfo = (): HostInfo => ({ hostname: hostname(), cpus: cpus().length });

/** One thread's or process's stat line, or null when it has ended since it was listed. */
const statLine = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/**
 * What proc-threads.ts's snapshot() reads, read synchronously: the server answers /stats on its own
 * event loop, where every await would let a queued request's work run first (inline: a whole request).
 */
function snapshotSync(pid: number, withDescendants = true): ProcessSnapshot | null {
  try {
    const parentOf = new Map<number, number>();
    if (withDescendants) {
      for (const entry of numbered(readdirSync('/proc'))) {
        const line = statLine(`/proc/${entry}/stat`);
        if (line !== null) parentOf.set(Number(entry), parentPid(line));
      }
    }
    return readMembers(descendants(pid, parentOf));
  } catch {
    return null;
  }
}

/**
 * A cluster's worker answers /stats: its primary (the parent) and every worker are the server, read
 * as a tree; any other server is this process alone, read without scanning all of /proc. Read
 * synchronously (a few small files), so /stats under load answers and resets in time.
 */
const readServer = (): ProcessSnapshot | null =>
  cluster.isWorker ? snapshotSync(process.ppid) : snapshotSync(process.pid, false);

export class SelfCpu {
  #since: ProcessSnapshot | null;

  constructor() {
    this.#since = readServer();
  }

  /**
   * Since the last restart (or the start); null where /proc cannot be read (not Linux). With `restart`,
   * the same reading also starts the next window: one scan of /proc per /stats reset, not two.
   * `loopCpuMs` is the CPU of this process's main thread alone: its event loop, whatever it spent it on.
   */
  read(restart = false): { readonly window: WindowCpu | null; readonly loopCpuMs: number | null } {
    const now = readServer();
    const since = this.#since;
    if (restart) this.#since = now;
    if (since === null || now === null) return { window: null, loopCpuMs: null };
    const [before, after] = [since.threads.get(process.pid), now.threads.get(process.pid)];
    const loopCpuMs = before === undefined || after === undefined ? null : after.cpuMs - before.cpuMs;
    return { window: cpuBetween(since, now), loopCpuMs };
  }
}
