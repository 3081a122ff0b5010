// How many increments of the work unit's loop one µs of CPU holds on this machine: the loop
// itself (server/work.ts's spin, the code every server runs), timed by this process's CPU clock,
// so a sweep point of "300 µs" is sized to cost 300 µs of CPU, not 300 µs of a busy machine's time.
import { spin } from '../../server/work.ts';

/** About 10 ms of loop per run here: long against the clock's resolution, short in all. */
const CALIBRATION_ITERATIONS = 20_000_000;
/** The first runs JIT-compile the loop; the fastest of the rest is kept (interference only adds time). */
const CALIBRATION_RUNS = 8;

export function iterationsPerMicrosecond(): number {
  let best = 0;
  for (let run = 0; run < CALIBRATION_RUNS; run++) {
    const before = process.cpuUsage();
    // The count goes into the comparison, so the JIT cannot drop the loop.
    if (spin(CALIBRATION_ITERATIONS) !== CALIBRATION_ITERATIONS) throw new Error('the loop miscounted');
    const used = process.cpuUsage(before);
    best = Math.max(best, CALIBRATION_ITERATIONS / Math.max(1, used.user + used.system));
  }
  return best;
}

/** The loop's iterations for `cpuMicros` of CPU, at least one. */
export function iterationsFor(cpuMicros: number, perMicrosecond: number): number {
  return Math.max(1, Math.round(cpuMicros * perMicrosecond));
}
