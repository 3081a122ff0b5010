// The whole machine's CPU from /proc/stat, to tell how much of a window went to processes that
// are neither the server nor the load generator (other users of a shared machine).
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';

export interface MachineTicks {
  readonly busy: number;
  readonly total: number;
}

/** The first ("cpu") line of /proc/stat: user nice system idle iowait irq softirq steal … */
export function parseProcStat(text: string): MachineTicks {
  const fields = (text.split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** null where /proc/stat cannot be read (not Linux). */
export async function machineTicks(): Promise<MachineTicks | null> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => null);
  return text === null ? null : parseProcStat(text);
}

/** Busy CPU between two readings; 100 = one core busy for the whole window. */
export function machineBusyPercent(before: MachineTicks, after: MachineTicks, cores = availableParallelism()): number {
  const total = after.total - before.total;
  return total > 0 ? ((after.busy - before.busy) / total) * cores * 100 : 0;
}
