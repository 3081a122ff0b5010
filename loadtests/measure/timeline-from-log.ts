// Turns the server's start/end lines into one bar per request for the report's swimlanes.
import type { WorkEvent } from '../../server/log-line.ts';
import { UNKNOWN_THREAD, type Timeline, type TimelineBar } from '../report/figures.ts';

/** Seconds of the window the swimlanes show: enough to see the pattern, short enough to read. */
export const TIMELINE_SPAN_MS = 2_000;

/**
 * A client has at most one request out at a time (closed loop, pipelining 1), so its events,
 * ordered by time with an End before a Start of the same millisecond, alternate Start, End.
 */
export function timelineOf(events: readonly WorkEvent[], windowStartMs: number, spanMs = TIMELINE_SPAN_MS): Timeline {
  const byClient = new Map<number, WorkEvent[]>();
  for (const event of events) byClient.set(event.clientId, [...(byClient.get(event.clientId) ?? []), event]);
  const bars: TimelineBar[] = [];
  for (const [clientId, list] of byClient) {
    list.sort((a, b) => a.atMs - b.atMs || (a.kind === 'End' ? -1 : 1));
    let open: WorkEvent | null = null;
    for (const event of list) {
      if (event.kind === 'Start') open = event;
      else if (open !== null) {
        bars.push(bar(clientId, open, event.atMs, windowStartMs));
        open = null;
      }
    }
    if (open !== null) bars.push(bar(clientId, open, null, windowStartMs));
  }
  return {
    spanMs,
    bars: bars
      .filter((b) => b.startMs < spanMs && (b.endMs === null || b.endMs >= 0))
      .sort((a, b) => a.startMs - b.startMs || a.clientId - b.clientId),
  };
}

function bar(clientId: number, start: WorkEvent, endAtMs: number | null, windowStartMs: number): TimelineBar {
  return {
    clientId,
    thread: start.pid === null ? UNKNOWN_THREAD : `${start.pid}/${start.threadId ?? 0}`,
    startMs: start.atMs - windowStartMs,
    endMs: endAtMs === null ? null : endAtMs - windowStartMs,
  };
}
