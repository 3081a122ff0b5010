// Where a cluster's missing share of its limit goes, from the same window: the CPU of the processes
// that served nothing (the primary, which hands out connections, and tsx's helper) and how unevenly
// the workers served. Pure: sentences from the report's numbers.
import * as format from '../loadtests/report/format.ts';
import type { LimitRun } from './model.ts';

/** UV_THREADPOOL_SIZE when nobody sets it. */
const NODE_UV_THREADS = 4;

export function clusterProcesses(run: LimitRun): string[] {
  const workers = run.processes.filter((entry) => entry.served > 0);
  const idle = run.processes.filter((entry) => entry.served === 0);
  if (workers.length === 0) return [];
  const cpu = (percent: number | null): string => (percent === null ? 'unread' : format.percent(percent));
  const served = workers.map((entry) => entry.served);
  const total = served.reduce((sum, count) => sum + count, 0);
  const fairShare = total / (run.size?.value ?? workers.length);
  const others = idle.map((entry) => `pid ${entry.pid} ${cpu(entry.cpuPercent)}`).join(', ');
  return [
    `Figure 8 (cluster): its ${format.plural(workers.length, 'worker')} served ${served.join(' / ')} requests ` +
      `(the busiest ${format.percent((Math.max(...served) / fairShare) * 100)} of an even share, the least busy ${format.percent((Math.min(...served) / fairShare) * 100)}); ` +
      `worker CPU ${workers.map((entry) => cpu(entry.cpuPercent)).join(' / ')} of a core` +
      (idle.length === 0 ? '.' : `; processes that served nothing (the primary, tsx's helper): ${others}.`),
  ];
}

/** Why libuv ran the threads it did: the default the report has to explain. */
export function libuvThreads(run: LimitRun, cpus: number): string[] {
  if (run.size === null) return [];
  const threads = run.size.value;
  const per = threads === cpus ? 'one per core, as --pool-size and --workers' : `${threads} threads on ${cpus} cores`;
  const nodeDefault =
    NODE_UV_THREADS > cpus
      ? `would run ${NODE_UV_THREADS} requests at once on ${cpus} cores, each taking ${(NODE_UV_THREADS / cpus).toFixed(1)}× as long, beside the event loop`
      : `would leave ${cpus - NODE_UV_THREADS} of ${cpus} cores idle`;
  return [
    `Figure 8 (libuv): ${run.size.flag} ${threads}, ${per}; Node's own default of ${NODE_UV_THREADS} ${nodeDefault}.`,
  ];
}
