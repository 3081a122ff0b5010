// An overload row's own figures, from what was measured: the turn-away rates the clients counted,
// the server's count and pacing from /stats, and its event loop's CPU against the requests served.
// Pure, like build-run.ts.
import type { OverloadFigures } from '../report/overload-model.ts';
import type { Measurement } from './measure.ts';

/** null where turning away is not what the scenario measures. */
export function overloadFiguresOf(measured: Measurement): OverloadFigures | null {
  if (!measured.settings.turnAwaysMeasured) return null;
  const { result } = measured.load;
  const seconds = result.durationSeconds;
  const perSecond = (status: string): number => (result.statusCounts[status] ?? 0) / seconds;
  const shedding = measured.stats?.shedding ?? null;
  const loopCpuMs = measured.stats?.eventLoopCpuMs ?? null;
  return {
    retry: measured.settings.retry ?? 'at-once',
    shedding:
      shedding === null || shedding.holdMs === 0 || shedding.maxHeld === 0
        ? null
        : { holdMs: shedding.holdMs, maxHeld: shedding.maxHeld },
    turnedAwayPerSecond: perSecond('503'),
    cutOffPerSecond: perSecond('504'),
    turnedAwayLatencyMs: measured.load.turnedAwayLatencyMs,
    server:
      shedding === null ? null : { turnedAway: shedding.turnedAway, held: shedding.held, mostHeld: shedding.mostHeld },
    eventLoopCpuPercent: loopCpuMs === null ? null : (loopCpuMs / (seconds * 1000)) * 100,
    eventLoopCpuMsPerServed: loopCpuMs === null || result.ok === 0 ? null : loopCpuMs / result.ok,
  };
}
