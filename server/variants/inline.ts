// The inline variant: an async handler whose loop runs on the event loop itself.
import { runJob, workBodyFor } from '../job.ts';
import type { Variant } from './types.ts';

// The `async def` case: the handler is async, but the loop inside it never awaits, so it holds
// the event loop until it ends and requests are served one after another.
export const inline: Variant = {
  summary: 'async handler that runs the loop on the event loop (one request at a time)',
  pythonAnalogue: 'async def',
  sizeSetting: null,
  parallelism: (options) => (options.work === 'io' ? null : 1),
  async start(options, gauge) {
    const work = await workBodyFor(options.handler);
    return {
      // The loop holds the thread the deadline's timer would fire on: nothing can abort it.
      settings: { iterations: options.iterations, blockingIoMs: options.blockingIoMs, abortable: false },
      run: (request) => runJob(request, gauge, work),
      async close() {},
    };
  },
};
