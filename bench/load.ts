// A closed loop's result -> the few figures a bench row keeps. A run nobody answered is an error,
// never a row of zeros.
import type { LoadResult } from '../loadtests/load/load-result.ts';
import { plural } from '../loadtests/report/format.ts';
import type { LoadFigures } from './model.ts';

export class BenchMeasurementError extends Error {
  override name = 'BenchMeasurementError';
}

export function loadFigures(result: LoadResult, target: string): LoadFigures {
  if (result.ok === 0 || result.latencyMs === null) {
    throw new BenchMeasurementError(
      `every request to ${target} failed: ${plural(result.errors, 'error')}, ${plural(result.timeouts, 'timeout')}, ${plural(result.non2xx, 'non-2xx answer')}`,
    );
  }
  return {
    requestsPerSecond: result.ok / result.durationSeconds,
    p50Ms: result.latencyMs.p50,
    p99Ms: result.latencyMs.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
