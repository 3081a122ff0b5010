// autocannon's result -> the few figures a bench row keeps. A run nobody answered is an error,
// never a row of zeros.
import type autocannon from 'autocannon';
import type { LoadFigures } from './model.ts';

export class BenchMeasurementError extends Error {
  override name = 'BenchMeasurementError';
}

export function loadFigures(result: autocannon.Result, target: string): LoadFigures {
  const served = result['2xx'];
  if (served === 0) {
    throw new BenchMeasurementError(`every request to ${target} failed: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  return {
    requestsPerSecond: served / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
