// Swimlanes of the first seconds of a run, as fixed-width text (renders in any markdown viewer
// and any terminal): one lane per client and one per thread that did work, time left to right.
// Client lanes alternate █ and ▓ per request so back-to-back requests stay apart; thread lanes
// show how many requests that thread had in progress (█ = 1, digits for more).
import { UNKNOWN_THREAD, type Timeline, type TimelineBar } from './figures.ts';
import { plural } from './format.ts';
import type { VariantRun } from './model.ts';

export interface SwimlaneOptions {
  readonly columns: number;
  readonly maxClientLanes: number;
  readonly maxThreadLanes: number;
}

export const MARKDOWN_SWIMLANES: SwimlaneOptions = { columns: 100, maxClientLanes: 16, maxThreadLanes: 8 };

const IDLE = '·';
const BAR = ['█', '▓'] as const;

function columnsOf(bar: TimelineBar, spanMs: number, columns: number): [number, number] {
  const msPerColumn = spanMs / columns;
  const first = Math.max(0, Math.floor(bar.startMs / msPerColumn));
  const last = Math.min(columns - 1, Math.floor(((bar.endMs ?? spanMs) - 0.001) / msPerColumn));
  return [first, Math.max(first, last)];
}

/** The most bars in progress at any one instant of [fromMs, toMs). */
function mostAtOnce(bars: readonly TimelineBar[], fromMs: number, toMs: number): number {
  const ends = (bar: TimelineBar): number => bar.endMs ?? Number.POSITIVE_INFINITY;
  const overlapping = bars.filter((bar) => bar.startMs < toMs && ends(bar) > fromMs);
  // The count only rises at the window's start or at a bar's start: check those instants.
  const instants = [fromMs, ...overlapping.map((bar) => bar.startMs).filter((at) => at > fromMs)];
  return Math.max(0, ...instants.map((at) => overlapping.filter((bar) => bar.startMs <= at && ends(bar) > at).length));
}

export function threadLabels(bars: readonly TimelineBar[]): Map<string, string> {
  const threads = [...new Set(bars.map((bar) => bar.thread))].sort();
  if (threads.length === 1 && threads[0] === UNKNOWN_THREAD)
    return new Map([[UNKNOWN_THREAD, 'server (thread not logged)']]);
  const onePid = new Set(threads.map((thread) => thread.split('/')[0])).size === 1;
  return new Map(
    threads.map((thread) => {
      const [pid, tid] = thread.split('/');
      return [thread, onePid ? `thread ${tid === '0' ? 'main' : tid}` : `pid ${pid}${tid === '0' ? '' : ` t${tid}`}`];
    }),
  );
}

export function renderSwimlanes(timeline: Timeline, options: SwimlaneOptions): string[] {
  if (timeline.bars.length === 0) return ['(the server logged no work in the first seconds of the window)'];
  const { columns } = options;
  const clients = [...new Set(timeline.bars.map((bar) => bar.clientId))].sort((a, b) => a - b);
  const labels = threadLabels(timeline.bars);
  const threads = [...labels.keys()];
  const lanes: [string, string][] = [];

  for (const clientId of clients.slice(0, options.maxClientLanes)) {
    const cells = Array<string>(columns).fill(IDLE);
    timeline.bars
      .filter((bar) => bar.clientId === clientId)
      .forEach((bar, index) => {
        const [first, last] = columnsOf(bar, timeline.spanMs, columns);
        for (let c = first; c <= last; c++) cells[c] = BAR[index % 2]!;
      });
    lanes.push([`client ${clientId}`, cells.join('')]);
  }
  const msPerColumn = timeline.spanMs / columns;
  for (const thread of threads.slice(0, options.maxThreadLanes)) {
    const bars = timeline.bars.filter((b) => b.thread === thread);
    const counts = Array.from({ length: columns }, (_, c) => mostAtOnce(bars, c * msPerColumn, (c + 1) * msPerColumn));
    lanes.push([
      labels.get(thread)!,
      counts.map((n) => (n === 0 ? IDLE : n === 1 ? BAR[0] : n > 9 ? '+' : String(n))).join(''),
    ]);
  }

  const width = Math.max(...lanes.map(([label]) => label.length));
  const axisEnd = `${(timeline.spanMs / 1000).toFixed(1)} s`;
  const lines = [`${' '.repeat(width)} 0 s${' '.repeat(Math.max(1, columns - 3 - axisEnd.length))}${axisEnd}`];
  for (const [label, cells] of lanes) lines.push(`${label.padEnd(width)} ${cells}`);
  const hiddenClients = clients.length - Math.min(clients.length, options.maxClientLanes);
  const hiddenThreads = threads.length - Math.min(threads.length, options.maxThreadLanes);
  const hidden = [
    hiddenClients > 0 ? plural(hiddenClients, 'more client') : null,
    hiddenThreads > 0 ? plural(hiddenThreads, 'more thread') : null,
  ].filter((part): part is string => part !== null);
  if (hidden.length > 0) lines.push(`(${hidden.join(' and ')} not shown)`);
  return lines;
}

/** A row's swimlanes, or why it has none: the terminal and the markdown say the same. */
export function swimlanesOf(run: VariantRun, options: SwimlaneOptions): string[] {
  if (run.target !== null && !run.target.logged)
    return ["(not measured: the runner did not read this server's start/end lines)"];
  return renderSwimlanes(run.timeline, options);
}
