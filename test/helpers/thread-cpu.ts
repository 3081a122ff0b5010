// Per-thread CPU between two /proc snapshots, for tests that ask which thread did the work.
import type { ProcessSnapshot } from '../../loadtests/observe/proc-snapshot.ts';

/** CPU each thread used between two snapshots, as [thread id, ms], busiest first. */
export function threadCpuMs(before: ProcessSnapshot, after: ProcessSnapshot): [tid: number, ms: number][] {
  return [...after.threads]
    .map(([tid, thread]): [number, number] => [tid, thread.cpuMs - (before.threads.get(tid)?.cpuMs ?? 0)])
    .sort((a, b) => b[1] - a[1]);
}
