// The chunked variant: the loop in slices on the event loop, yielding between them.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { deadlineRunning } from '../errors.ts';
import { counted, runJob, type JobRequest } from '../job.ts';
import { spin } from '../work.ts';
import type { Variant } from './types.ts';

/**
 * The loop in slices of `sliceIterations`, yielding to the event loop before each slice so other
 * requests (and /health) get a turn. Each slice is spin() called by the promise machinery (a V8
 * builtin), never from this function: once this async function is hot, TurboFan inlines any spin()
 * it calls directly, and that inlined loop ran 1.2-1.3x slower than spin's own optimised code
 * (66 vs 55 ms a request under 4 clients, and it stays slow). Called by a builtin it cannot be inlined.
 */
async function spinInSlices(
  request: JobRequest,
  sliceIterations: number,
  deadline: AbortSignal,
  timeoutMs: number,
): Promise<number> {
  let counter = 0;
  for (let left = request.iterations; left > 0; left -= sliceIterations) {
    counter += await yieldToEventLoop(Math.min(left, sliceIterations)).then(spin);
    // Between slices the deadline's timer gets its turn: unlike inline, chunked can stop.
    if (deadline.aborted) throw deadlineRunning(timeoutMs);
  }
  return counter;
}

// Python's threadpool under the GIL, in Node: requests interleave, yet one core does all the work.
export const chunked: Variant = {
  summary: 'async handler that runs the loop in --slice-iterations slices, yielding between them',
  pythonAnalogue: 'def (threadpool) under the GIL',
  sizeSetting: null,
  // Slices of many requests interleave, but only one slice runs at any instant.
  parallelism: (options) => (options.work === 'io' ? null : 1),
  async start(options, gauge) {
    return {
      settings: { iterations: options.iterations, sliceIterations: options.sliceIterations, abortable: true },
      run: (request, deadline) =>
        runJob(
          request,
          gauge,
          request.work === 'io'
            ? undefined
            : counted((job) => spinInSlices(job, options.sliceIterations, deadline, options.timeoutMs)),
        ),
      async close() {},
    };
  },
};
