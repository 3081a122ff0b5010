// The server's own `top -H` view: CPU %, threads and busy threads of its processes since the last
// /stats reset, read from /proc inside the server. A runner on another machine cannot sample the
// server's pid, so /stats carries these figures itself.
import cluster from 'node:cluster';
import { cpus, hostname } from 'node:os';
import { cpuBetween, type ProcessSnapshot, snapshot, type WindowCpu } from './proc-threads.ts';

/** Where the server runs, as the report names it beside the load generator's machine. */
export interface HostInfo {
  readonly hostname: string;
  readonly cpus: number;
}

export const hostInfo = (): HostInfo => ({ hostname: hostname(), cpus: cpus().length });

/**
 * A cluster's worker answers /stats: its primary (the parent) and every worker are the server, read
 * as a tree; any other server is this process alone, read without scanning all of /proc, so /stats
 * under load answers (and resets) in time.
 */
const readServer = (): Promise<ProcessSnapshot | null> =>
  cluster.isWorker ? snapshot(process.ppid) : snapshot(process.pid, false);

export class SelfCpu {
  #since: Promise<ProcessSnapshot | null>;

  constructor() {
    this.#since = readServer();
  }

  /** Starts a new window now. */
  reset(): void {
    this.#since = readServer();
  }

  /** Since the last reset (or the start); null where /proc cannot be read (not Linux). */
  async read(): Promise<WindowCpu | null> {
    const [since, now] = await Promise.all([this.#since, readServer()]);
    return since === null || now === null ? null : cpuBetween(since, now);
  }
}
