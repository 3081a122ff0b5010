// The cores this process can really use: the visible ones, capped by a cgroup CPU quota. In a
// container the quota, not the CPUs it sees, is what a pool can use, and os.availableParallelism()
// ignores quotas (nodejs/node#59200). Reads cgroup v2 cpu.max and v1 cpu.cfs_quota_us/cfs_period_us.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, posix } from 'node:path';

export interface Cores {
  /** CPUs this process may run on (os.availableParallelism(): affinity, not quota). */
  readonly visible: number;
  /** CPUs' worth of time per period the cgroup quota allows (quota ÷ period); null when none is set. */
  readonly quota: number | null;
  /** min(visible, quota): what a pool of threads can keep busy. */
  readonly effective: number;
}

export interface CoresSource {
  /** The filesystem root the /proc and /sys paths are read under: tests point it at files they wrote. */
  readonly root?: string;
  readonly visible?: number;
}

/** cgroup v1 mounts the cpu controller under one of these names, depending on the distribution. */
const V1_CPU_MOUNTS = ['cpu,cpuacct', 'cpuacct,cpu', 'cpu'];

/** A file's text, or null when it cannot be read: a missing or unreadable file says nothing of a quota. */
function readOptional(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error) return null;
    throw error;
  }
}

const positiveInteger = (text: string | undefined): number | null =>
  text !== undefined && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;

/** cgroup v2 cpu.max: "max 100000" (no quota) or "150000 100000" (1.5 CPUs). Anything else: null. */
export function parseCpuMax(text: string): number | null {
  const [quota, period, ...rest] = text.trim().split(/\s+/);
  if (rest.length > 0) return null;
  const quotaUs = positiveInteger(quota);
  const periodUs = positiveInteger(period);
  return quotaUs === null || periodUs === null ? null : quotaUs / periodUs;
}

/** cgroup v1 cpu.cfs_quota_us ("-1" = no quota) over cpu.cfs_period_us. Anything else: null. */
export function parseCfsQuota(quotaText: string, periodText: string): number | null {
  const quotaUs = positiveInteger(quotaText.trim());
  const periodUs = positiveInteger(periodText.trim());
  return quotaUs === null || periodUs === null ? null : quotaUs / periodUs;
}

/** "/a/b" -> ["/a/b", "/a", "/"]: a parent's quota limits its children too. */
function selfAndAncestors(cgroupPath: string): string[] {
  const paths = [posix.normalize(`/${cgroupPath}`)];
  while (paths.at(-1) !== '/') paths.push(posix.dirname(paths.at(-1)!));
  return paths;
}

interface Membership {
  /** The process's cgroup in the v2 hierarchy ("0::/path"), if any. */
  readonly v2: string | null;
  /** Its cgroup in the v1 hierarchy of the cpu controller ("4:cpu,cpuacct:/path"), and that hierarchy's name. */
  readonly v1: { readonly controllers: string; readonly path: string } | null;
}

/** Where /proc/self/cgroup places the process. */
export function parseProcCgroup(text: string): Membership {
  let v2: string | null = null;
  let v1: Membership['v1'] = null;
  for (const line of text.split('\n')) {
    const match = /^(\d+):([^:]*):(\/.*)$/.exec(line.trim());
    if (match === null) continue;
    const [, id, controllers = '', path = '/'] = match;
    if (id === '0' && controllers === '') v2 = path;
    else if (controllers.split(',').includes('cpu')) v1 = { controllers, path };
  }
  return { v2, v1 };
}

/** Every quota that applies to the process (its cgroup's and its ancestors'), in CPUs. */
function quotasOf(root: string, membership: Membership): number[] {
  const quotas: (number | null)[] = [];
  const cgroupRoot = join(root, 'sys/fs/cgroup');
  if (membership.v2 !== null) {
    for (const path of selfAndAncestors(membership.v2)) {
      const text = readOptional(join(cgroupRoot, path, 'cpu.max'));
      if (text !== null) quotas.push(parseCpuMax(text));
    }
  }
  if (membership.v1 !== null) {
    const mounts = [...new Set([membership.v1.controllers, ...V1_CPU_MOUNTS])];
    for (const mount of mounts) {
      for (const path of selfAndAncestors(membership.v1.path)) {
        const quota = readOptional(join(cgroupRoot, mount, path, 'cpu.cfs_quota_us'));
        const period = readOptional(join(cgroupRoot, mount, path, 'cpu.cfs_period_us'));
        if (quota !== null && period !== null) quotas.push(parseCfsQuota(quota, period));
      }
    }
  }
  return quotas.filter((quota): quota is number => quota !== null);
}

/** The visible cores, the cgroup quota if any (the tightest that applies), and what a pool can use. */
export function effectiveCores(source: CoresSource = {}): Cores {
  const root = source.root ?? '/';
  const visible = source.visible ?? availableParallelism();
  const procCgroup = readOptional(join(root, 'proc/self/cgroup'));
  const quotas = procCgroup === null ? [] : quotasOf(root, parseProcCgroup(procCgroup));
  const quota = quotas.length === 0 ? null : Math.min(...quotas);
  return { visible, quota, effective: quota === null ? visible : Math.min(visible, quota) };
}

/** Up to two decimals, no trailing zeros: 2, 1.5, 0.33. */
const cpus = (count: number): string => String(Math.round(count * 100) / 100);
const coresWord = (count: number): string => (count === 1 ? 'core' : 'cores');

/** "2 cores visible, 1.5 by cgroup quota", or "2 cores, no cgroup quota". */
export function describeCores(cores: Cores): string {
  const visible = `${cpus(cores.visible)} ${coresWord(cores.visible)}`;
  return cores.quota === null
    ? `${visible}, no cgroup quota`
    : `${visible} visible, ${cpus(cores.quota)} by cgroup quota`;
}

/** Threads that keep the effective cores busy: a quota of 1.5 CPUs still runs two threads at once. */
export function defaultThreadCount(cores: Cores = effectiveCores()): number {
  return Math.max(1, Math.ceil(cores.effective));
}
