// The settings of a plain fixed window, as sweep points and bench figures measure: keep-alive
// curl-loops clients, no body, no automatic length.
import { DEFAULT_PROBE_INTERVAL_MS } from '../observe/health-probe.ts';
import type { MeasureSettings } from './measure.ts';

/** A plain fixed window of keep-alive curl-loops clients (sweep points, bench figures): no body. */
export function fixedWindow(connections: number, warmupSeconds: number, durationSeconds: number): MeasureSettings {
  return {
    connections,
    warmupSeconds,
    durationSeconds,
    autoDuration: 'never',
    maxDurationSeconds: durationSeconds,
    probeIntervalMs: DEFAULT_PROBE_INTERVAL_MS,
    newConnection: false,
    repeat: 1,
    turnAwaysMeasured: false,
    requestBody: null,
  };
}
