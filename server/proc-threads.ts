// Reads a process's (and its children's) CPU time per thread from /proc: the `top -H` view. Two snapshots taken at
// the edges of a window give CPU% and which threads were busy in between. A leaf (node: only), so that the server
// (its own figures in /stats) and the load runner (a --target-pid, a spawned server) read /proc the same way.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/** A thread counts as busy when it used at least this share of one core over the window. */
export const BUSY_THREAD_MIN_PERCENT = 10;

export interface ThreadTime {
  readonly name: string;
  readonly cpuMs: number;
}

/** A thread and the process it belongs to. */
export interface OwnedThreadTime extends ThreadTime {
  readonly pid: number;
}

export interface ProcessSnapshot {
  readonly atMs: number;
  readonly threads: ReadonlyMap<number, OwnedThreadTime>;
  /**
   * CPU ms of each process, from its own /proc/N/stat: exited threads (and reaped children) included,
   * which live threads miss: a pool that prunes idle threads (anyio's, under uvicorn) would read low.
   */
  readonly processCpuMs: ReadonlyMap<number, number>;
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

export const TICKS_PER_SECOND = clockTicksPerSecond();
const PAGE_BYTES = 4096;

/** utime + stime in ms and the thread's name, from one /proc/.../stat line. */
export function parseStat(line: string): ThreadTime & { residentPages: number; reapedChildrenCpuMs: number } {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  // Fields after the name, starting with field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17, rss 24.
  const fields = line.slice(close + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return {
    name: line.slice(open + 1, close),
    cpuMs: (ticks * 1000) / TICKS_PER_SECOND,
    reapedChildrenCpuMs: ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND,
    residentPages: Number(fields[21]),
  };
}

/** The parent pid, field 4 of a /proc/N/stat line (after the name, which may hold spaces). */
export function parentPid(statLine: string): number {
  return Number(statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The tree under `pid` from the parent of every process: breadth first, `pid` first. */
export function descendants(pid: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), child]);
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

export const numbered = (names: readonly string[]): string[] => names.filter((name) => /^\d+$/.test(name));

/** `pid` and all its descendants (a cluster's workers), from the parent field of /proc/N/stat. */
export async function processTree(pid: number): Promise<number[]> {
  const parentOf = new Map<number, number>();
  await Promise.all(
    numbered(await readdir('/proc')).map(async (entry) => {
      const line = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
      if (line !== null) parentOf.set(Number(entry), parentPid(line)); // else gone since readdir
    }),
  );
  return descendants(pid, parentOf);
}

/** What a snapshot gathers, member by member, whether it reads /proc with or without awaiting. */
export class Gathered {
  readonly threads = new Map<number, OwnedThreadTime>();
  readonly processCpuMs = new Map<number, number>();
  residentPages = 0;

  /** A thread's stat line; null: it ended since it was listed, and is not counted. */
  thread(member: number, tid: string, line: string | null): void {
    if (line !== null) this.threads.set(Number(tid), { ...parseStat(line), pid: member });
  }

  /** A process's own stat line: its memory, and its CPU with its exited threads and reaped children. */
  process(member: number, line: string | null): void {
    if (line === null) return;
    const stat = parseStat(line);
    this.residentPages += stat.residentPages;
    this.processCpuMs.set(member, stat.cpuMs + stat.reapedChildrenCpuMs);
  }

  /** null when no thread was read (not Linux, or the process is gone). */
  snapshot(atMs: number): ProcessSnapshot | null {
    if (this.threads.size === 0) return null;
    const { threads, processCpuMs } = this;
    return { atMs, threads, processCpuMs, residentBytes: this.residentPages * PAGE_BYTES };
  }
}

/**
 * Every thread of `pid` and its descendants, or null where /proc cannot be read (not Linux, or
 * the process is gone). For the load runner: it reads without holding its own event loop.
 */
export async function snapshot(pid: number, withDescendants = true): Promise<ProcessSnapshot | null> {
  try {
    return readMembers(withDescendants ? await processTree(pid) : [pid]);
  } catch {
    return null;
  }
}

/**
 * Every thread of the given processes, read synchronously: a few dozen small /proc files cost far
 * less CPU that way than as as many opened file handles, and hold the loop well under a ms. null
 * where none could be read. The runner samples a tree found once (processTree scans all of /proc,
 * the costly part); the server reads itself this way so that no queued request runs in between.
 */
export function readMembers(members: Iterable<number>): ProcessSnapshot | null {
  const atMs = performance.now();
  const gathered = new Gathered();
  for (const member of members) {
    for (const tid of numbered(readOrNull(() => readdirSync(`/proc/${member}/task`)) ?? []))
      gathered.thread(
        member,
        tid,
        readOrNull(() => readFileSync(`/proc/${member}/task/${tid}/stat`, 'utf8')),
      );
    gathered.process(
      member,
      readOrNull(() => readFileSync(`/proc/${member}/stat`, 'utf8')),
    );
  }
  return gathered.snapshot(atMs);
}

/** A /proc read, or null when the process or thread has gone since it was listed. */
function readOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** Per process of the tree, the CPU ms it used between the snapshots; a process new since `before` from 0. */
export function processCpuBetween(before: ProcessSnapshot, after: ProcessSnapshot): Map<number, number> {
  const used = new Map<number, number>();
  for (const [pid, ms] of after.processCpuMs) used.set(pid, ms - (before.processCpuMs.get(pid) ?? 0));
  return used;
}

/** CPU over the window between two snapshots of the same process. */
export function cpuBetween(before: ProcessSnapshot, after: ProcessSnapshot): WindowCpu {
  const windowMs = after.atMs - before.atMs;
  let busyThreads = 0;
  for (const [tid, thread] of after.threads) {
    const usedMs = thread.cpuMs - (before.threads.get(tid)?.cpuMs ?? 0);
    if ((usedMs / windowMs) * 100 >= BUSY_THREAD_MIN_PERCENT) busyThreads++;
  }
  let totalMs = 0;
  for (const ms of processCpuBetween(before, after).values()) totalMs += ms;
  return {
    cpuPercent: (totalMs / windowMs) * 100,
    threads: after.threads.size,
    busyThreads,
    residentBytes: after.residentBytes,
  };
}
