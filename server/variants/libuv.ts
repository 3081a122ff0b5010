// The libuv variant: the work as crypto.pbkdf2 on libuv's threadpool, calibrated to the loop's cost.
import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { asyncBodyWork } from '../body-work.ts';
import { counted, runJob, type JobRequest } from '../job.ts';
import { isBodyWork, spin } from '../work.ts';
import type { Variant } from './types.ts';

const PASSWORD = 'async-or-pool';
const SALT = 'the work unit';
const KEY_BYTES = 32;
const DIGEST = 'sha256';
/** pbkdf2 rounds timed at start to learn their cost on this machine. */
const PROBE_ROUNDS = 20_000;
const CALIBRATION_REPEATS = 3;

/** CPU milliseconds this process has used: at start only the main thread works, so it is that thread's. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The fastest of CALIBRATION_REPEATS timings of `task`, in CPU time: on a busy machine wall time
 * also counts the time the thread waited for a core, which hit the loop and the probe unevenly
 * (pbkdf2 came out at twice the loop's CPU). Interference (a GC pause, a cold cache) only ever adds
 * time, so the fastest run is the nearest to the task's own cost, for the loop and the probe alike.
 */
function fastestMs(task: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let repeat = 0; repeat < CALIBRATION_REPEATS; repeat++) {
    const start = cpuMs();
    task();
    fastest = Math.min(fastest, cpuMs() - start);
  }
  return fastest;
}

/** pbkdf2 rounds that cost about as much CPU as `iterations` of the loop on this machine. */
export function calibrateRounds(iterations: number): number {
  const loopMs = fastestMs(() => spin(iterations));
  const probeMs = fastestMs(() => pbkdf2Sync(PASSWORD, SALT, PROBE_ROUNDS, KEY_BYTES, DIGEST));
  return Math.max(1, Math.round((PROBE_ROUNDS * loopMs) / probeMs));
}

function hashOnThreadpool(rounds: number): Promise<number> {
  return new Promise((resolve, reject) =>
    pbkdf2(PASSWORD, SALT, rounds, KEY_BYTES, DIGEST, (error, key) =>
      error ? reject(error) : resolve(key.readUInt32BE(0)),
    ),
  );
}

// CPU work that Node itself sends off the event loop: crypto.pbkdf2 runs on libuv's threadpool
// of UV_THREADPOOL_SIZE threads. The log and the gauge see the call and the callback, so a job
// waiting in libuv's queue counts as in flight.
export const libuv: Variant = {
  summary: "crypto.pbkdf2 on libuv's threadpool of --uv-threads threads, rounds calibrated to the loop's CPU cost",
  pythonAnalogue: 'def calling a C extension that releases the GIL',
  sizeSetting: 'uvThreads',
  fixedWork: 'cpu',
  parallelism: (options) => options.uvThreads,
  env: (options) => ({ UV_THREADPOOL_SIZE: String(options.uvThreads) }),
  async start(options, gauge) {
    const rounds = calibrateRounds(options.iterations);
    // --work gzip: zlib.gzip, the async form of the same call, on the same threadpool (flags allow no other body kind).
    const onThreadpool = isBodyWork(options.work) ? asyncBodyWork(options.work) : null;
    return {
      // A job handed to libuv runs to its end: nothing can abort it.
      settings: {
        uvThreads: options.uvThreads,
        iterations: options.iterations,
        pbkdf2Rounds: rounds,
        abortable: false,
      },
      run: (request: JobRequest) =>
        onThreadpool === null
          ? runJob(
              { ...request, work: 'cpu' },
              gauge,
              counted(() => hashOnThreadpool(rounds)),
            )
          : runJob(
              request,
              gauge,
              counted((job) => onThreadpool(job.body, job.rounds)),
            ),
      async close() {},
    };
  },
};
