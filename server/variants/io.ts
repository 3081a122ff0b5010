// The io variant: the I/O-bound control, a timer instead of CPU work.
import { setTimeout as sleep } from 'node:timers/promises';
import { deadlineRunning } from '../errors.ts';
import { counted, runJob } from '../job.ts';
import type { Variant } from './types.ts';

// The I/O-bound control: the handler awaits a timer of --io-ms and does no CPU work. The event
// loop serves every waiting request at once: this is where async is the right answer.
export const io: Variant = {
  summary: 'async handler that awaits a --io-ms timer and does no CPU work (the I/O control)',
  pythonAnalogue: 'async def awaiting I/O',
  sizeSetting: null,
  fixedWork: 'io',
  parallelism: () => null,
  async start(options, gauge) {
    return {
      settings: { ioMs: options.ioMs, abortable: true },
      run: (request, deadline) =>
        runJob(
          { ...request, work: 'io' },
          gauge,
          counted(() =>
            sleep(options.ioMs, 0, { signal: deadline }).catch(() => {
              throw deadlineRunning(options.timeoutMs);
            }),
          ),
        ),
      async close() {},
    };
  },
};
