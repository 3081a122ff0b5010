// The cluster variant: node:cluster workers that each run the loop inline, and their primary.
import { runJob, workBodyFor } from '../../job.ts';
import type { Counters } from '../../stats.ts';
import type { Variant } from '../types.ts';
import { isPrimaryMessage, type WorkerMessage } from './messages.ts';
import { clusterSettings, runClusterPrimary } from './primary.ts';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

// The `uvicorn --workers N` / gunicorn answer: N processes, each running the loop inline. The
// primary hands out connections, not requests: fewer connections than workers leave some idle.
export const cluster: Variant = {
  summary: 'node:cluster with --workers processes, each running the loop on its own event loop',
  pythonAnalogue: 'uvicorn --workers N',
  sizeSetting: 'workers',
  parallelism: (options) => (options.work === 'io' ? null : options.workers),
  primary: runClusterPrimary,
  // In each worker process: run jobs inline and keep the primary's tally up to date.
  async start(options, gauge) {
    const work = await workBodyFor(options.handler);
    const waiting = new Map<number, (counters: Counters) => void>();
    let nextId = 0;
    process.on('message', (message: unknown) => {
      if (!isPrimaryMessage(message)) return;
      waiting.get(message.id)?.(message.counters);
      waiting.delete(message.id);
    });
    const ask = (aop: 'read' | 'reset'): Promise<Counters> =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        send({ aop, id });
      });
    return {
      settings: clusterSettings(options),
      async run(request) {
        send({ aop: 'enter' });
        let ok = false;
        try {
          const result = await runJob(request, gauge, work);
          ok = true;
          return result;
        } finally {
          send({ aop: 'leave', ok });
        }
      },
      sharedCounters: {
        read: () => ask('read'),
        reset: async () => void (await ask('reset')),
      },
      async close() {},
    };
  },
};
