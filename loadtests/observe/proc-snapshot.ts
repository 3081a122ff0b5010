// The machine-wide side of the `top -H` view, for the runner: ancestors, the whole machine's busy time, CPU per
// process of a tree. The per-thread reading itself is server/proc-threads.ts.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  BUSY_THREAD_MIN_PERCENT,
  cpuBetween,
  type OwnedThreadTime,
  parentPid,
  type ProcessSnapshot,
  processCpuBetween,
  processTree,
  snapshot,
  readMembers,
  type ThreadTime,
  TICKS_PER_SECOND,
  type WindowCpu,
} from '../../server/proc-threads.ts';
import type { ProcessCpu } from '../report/figures.ts';

// The per-thread reading lives in the server's leaf (the server reports its own figures too); re-exported for the runner.
export { BUSY_THREAD_MIN_PERCENT, cpuBetween, processTree, snapshot, readMembers };
export type { OwnedThreadTime, ProcessSnapshot, ThreadTime, WindowCpu };

/**
 * `pid`'s parent, grandparent… up to the first process, from /proc; where /proc cannot be read,
 * only what Node knows (this process's own parent).
 */
export function ancestorsOf(pid: number): number[] {
  const ancestors: number[] = [];
  for (let at = pid; at > 0; ) {
    let line: string;
    try {
      line = readFileSync(`/proc/${at}/stat`, 'utf8');
    } catch {
      return pid === process.pid && ancestors.length === 0 ? [process.ppid] : ancestors;
    }
    at = parentPid(line);
    if (at > 0) ancestors.push(at);
  }
  return ancestors;
}

/** Ticks of the whole machine, all cores, from the first ("cpu") line of /proc/stat. */
export function parseProcStat(text: string): { busy: number; total: number } {
  // cpu user nice system idle iowait irq softirq steal …: all but idle and iowait are busy.
  const fields = (text.split('\n', 1)[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

/** Busy CPU time of the whole machine, all cores, in ms; null where /proc/stat cannot be read. */
export async function machineBusyMs(): Promise<number | null> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => null);
  return text === null ? null : (parseProcStat(text).busy * 1000) / TICKS_PER_SECOND;
}

/** The tree's CPU time so far, in ms, exited threads included. */
export function totalCpuMs(tree: ProcessSnapshot): number {
  let sum = 0;
  for (const ms of tree.processCpuMs.values()) sum += ms;
  return sum;
}

/** CPU over the window per process of the tree (a cluster's or uvicorn's workers), busiest first. */
export function cpuByProcess(before: ProcessSnapshot, after: ProcessSnapshot): ProcessCpu[] {
  const windowMs = after.atMs - before.atMs;
  return [...processCpuBetween(before, after)]
    .map(([pid, ms]) => ({ pid, cpuPercent: (ms / windowMs) * 100 }))
    .sort((a, b) => b.cpuPercent - a.cpuPercent);
}

/** `tree` without the threads `other` holds: the runner's own tree less a server it spawned. */
export function without(tree: ProcessSnapshot, other: ProcessSnapshot | null): ProcessSnapshot {
  if (other === null) return tree;
  // Both views: live threads (busy-thread counts) and per-process counters (CPU %, exited threads included).
  return {
    ...tree,
    threads: new Map([...tree.threads].filter(([tid]) => !other.threads.has(tid))),
    processCpuMs: new Map([...tree.processCpuMs].filter(([pid]) => !other.processCpuMs.has(pid))),
  };
}
