// The seed's start/end log as an SVG Gantt chart: one lane per client (a bar per request, a thin gap
// between back-to-back ones) and one per thread, where requests that overlap on the same thread
// stack in sub-rows: interleaving and queueing become visible. Each client keeps its fill on every
// lane, and a thread's bars wide enough carry the client's number: it reads without colour too.
import type { Timeline, TimelineBar } from './figures.ts';
import { threadLabels } from './swimlanes.ts';
import { CHART_WIDTH, escapeXml, fillDefs, fillOf, linearScale, svg, text, xAxis } from './svg.ts';

const MAX_CLIENT_LANES = 16;
const MAX_THREAD_LANES = 8;
/** Past this many requests at once on one thread, the rest share the last sub-row. */
const MAX_SUB_ROWS = 8;
const LEFT = 120;
const RIGHT = 16;
const TOP = 8;
const CLIENT_LANE = 16;
const SUB_ROW = 12;
const LANE_GAP = 6;
/** Clients' fills: client n gets fill (n - 1) mod this, on its own lane and on the threads. */
const FILL_COUNT = 6;
/** A thread lane's bar this wide (px) or wider carries its client's number: the lane reads without colour. */
const LABELLED_BAR = 14;

/** The client's number on a thread lane's bar, outlined so that it reads on every fill. */
const clientNumber = (x: number, y: number, clientId: number): string =>
  `<text x="${x.toFixed(1)}" y="${y}" font-size="8" font-family="system-ui, sans-serif" text-anchor="middle" fill="#000" stroke="#fff" stroke-width="2" paint-order="stroke">${clientId}</text>`;

/** Each bar's sub-row: the first whose last bar ended by the time this one started. */
function subRows(bars: readonly TimelineBar[], spanMs: number): { bar: TimelineBar; row: number }[] {
  const rowEnds: number[] = [];
  return [...bars]
    .sort((a, b) => a.startMs - b.startMs)
    .map((bar) => {
      const free = rowEnds.findIndex((end) => end <= bar.startMs);
      const row = free >= 0 ? free : Math.min(rowEnds.length, MAX_SUB_ROWS - 1);
      rowEnds[row] = Math.max(rowEnds[row] ?? 0, bar.endMs ?? spanMs);
      return { bar, row };
    });
}

interface Lane {
  readonly label: string;
  readonly height: number;
  readonly barHeight: number;
  readonly isThread: boolean;
  readonly bars: readonly { readonly bar: TimelineBar; readonly row: number }[];
}

function lanes(timeline: Timeline): { shown: Lane[]; hidden: string | null } {
  const clients = [...new Set(timeline.bars.map((bar) => bar.clientId))].sort((a, b) => a - b);
  const labels = threadLabels(timeline.bars);
  const threads = [...labels.keys()];
  const clientLanes = clients.slice(0, MAX_CLIENT_LANES).map((clientId) => ({
    label: `client ${clientId}`,
    height: CLIENT_LANE,
    barHeight: CLIENT_LANE - 4,
    isThread: false,
    bars: timeline.bars.filter((bar) => bar.clientId === clientId).map((bar) => ({ bar, row: 0 })),
  }));
  const threadLanes = threads.slice(0, MAX_THREAD_LANES).map((thread) => {
    const placed = subRows(
      timeline.bars.filter((bar) => bar.thread === thread),
      timeline.spanMs,
    );
    const rows = Math.max(1, ...placed.map((entry) => entry.row + 1));
    return {
      label: labels.get(thread)!,
      height: rows * SUB_ROW + 4,
      barHeight: SUB_ROW - 2,
      isThread: true,
      bars: placed,
    };
  });
  const hiddenClients = clients.length - clientLanes.length;
  const hiddenThreads = threads.length - threadLanes.length;
  const hidden =
    hiddenClients + hiddenThreads > 0
      ? `${hiddenClients} more clients and ${hiddenThreads} more threads not shown`
      : null;
  return { shown: [...clientLanes, ...threadLanes], hidden };
}

export function ganttChart(id: string, title: string, timeline: Timeline): string {
  const { shown, hidden } = lanes(timeline);
  const x = linearScale(timeline.spanMs, LEFT, CHART_WIDTH - RIGHT);
  let top = TOP;
  const drawn = shown.map((lane) => {
    const laneTop = top;
    top += lane.height + LANE_GAP;
    const bars = lane.bars.map(({ bar, row }) => {
      const fill = fillOf(id, (bar.clientId - 1 + FILL_COUNT) % FILL_COUNT);
      const start = x.toPixel(bar.startMs);
      const end = x.toPixel(Math.min(bar.endMs ?? timeline.spanMs, timeline.spanMs));
      const y = laneTop + 2 + row * SUB_ROW;
      const ended =
        bar.endMs === null ? 'not ended within the span' : `${bar.startMs.toFixed(0)}–${bar.endMs.toFixed(0)} ms`;
      const tip = `client ${bar.clientId}, ${ended}`;
      const rect = `<rect x="${start.toFixed(1)}" y="${y}" width="${Math.max(1.5, end - start).toFixed(1)}" height="${lane.barHeight}" fill="${fill}" stroke="#fff" stroke-width="0.8"><title>${escapeXml(tip)}</title></rect>`;
      const labelled = lane.isThread && end - start >= LABELLED_BAR;
      return labelled ? rect + clientNumber((start + end) / 2, y + lane.barHeight - 2, bar.clientId) : rect;
    });
    const band = `<rect x="${LEFT}" y="${laneTop}" width="${CHART_WIDTH - LEFT - RIGHT}" height="${lane.height}" fill="#f4f4f4"/>`;
    return band + text(LEFT - 8, laneTop + lane.height / 2 + 4, lane.label, 'text-anchor="end"') + bars.join('');
  });
  const axisY = top;
  const note = hidden === null ? '' : text(LEFT, axisY + 50, `(${hidden})`, 'font-style="italic"');
  const body = [fillDefs(id, FILL_COUNT), xAxis(x, axisY, TOP, 'ms since the window opened'), ...drawn, note].join('');
  return svg(title, axisY + (hidden === null ? 40 : 58), body);
}
