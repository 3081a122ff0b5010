// Reads a process's CPU time per thread from /proc: the `top -H` view. Two snapshots taken at
// the edges of the measured window give CPU% and which threads were busy in between.
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** A thread counts as busy when it used at least this share of one core over the window. */
export const BUSY_THREAD_MIN_PERCENT = 10;

export interface ThreadTime {
  readonly name: string;
  readonly cpuMs: number;
}

export interface ProcessSnapshot {
  readonly atMs: number;
  readonly threads: ReadonlyMap<number, ThreadTime>;
  readonly residentBytes: number;
}

export interface WindowCpu {
  /** 100 = one core busy for the whole window. */
  readonly cpuPercent: number;
  readonly threads: number;
  readonly busyThreads: number;
  readonly residentBytes: number;
}

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100; // Linux's USER_HZ on every common architecture
  }
}

const TICKS_PER_SECOND = clockTicksPerSecond();
const PAGE_BYTES = 4096;

/** utime + stime in ms and the thread's name, from one /proc/.../stat line. */
export function parseStat(line: string): ThreadTime & { residentPages: number } {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  // Fields after the name, starting with field 3 (state): utime is field 14, stime 15, rss 24.
  const fields = line.slice(close + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { name: line.slice(open + 1, close), cpuMs: (ticks * 1000) / TICKS_PER_SECOND, residentPages: Number(fields[21]) };
}

/** A snapshot of every thread of `pid`, or null where /proc cannot be read (not Linux, or gone). */
export async function snapshot(pid: number): Promise<ProcessSnapshot | null> {
  try {
    const atMs = performance.now();
    const tids = await readdir(`/proc/${pid}/task`);
    const threads = new Map<number, ThreadTime>();
    await Promise.all(
      tids.map(async (tid) => {
        // A thread may end between readdir and read: it simply is not counted.
        const line = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
        if (line !== null) threads.set(Number(tid), parseStat(line));
      }),
    );
    const processStat = parseStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
    return { atMs, threads, residentBytes: processStat.residentPages * PAGE_BYTES };
  } catch {
    return null;
  }
}

/** CPU over the window between two snapshots of the same process. */
export function cpuBetween(before: ProcessSnapshot, after: ProcessSnapshot): WindowCpu {
  const windowMs = after.atMs - before.atMs;
  let totalMs = 0;
  let busyThreads = 0;
  for (const [tid, thread] of after.threads) {
    const usedMs = thread.cpuMs - (before.threads.get(tid)?.cpuMs ?? 0);
    totalMs += usedMs;
    if ((usedMs / windowMs) * 100 >= BUSY_THREAD_MIN_PERCENT) busyThreads++;
  }
  return {
    cpuPercent: (totalMs / windowMs) * 100,
    threads: after.threads.size,
    busyThreads,
    residentBytes: after.residentBytes,
  };
}
