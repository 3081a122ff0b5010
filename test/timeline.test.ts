// The per-client timeline: start/end lines paired into bars and drawn as swimlanes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkEvent } from '../server/log-line.ts';
import { renderSwimlanes } from '../loadtests/report/swimlanes.ts';
import { timelineOf } from '../loadtests/measure/timeline-from-log.ts';

const at = (atMs: number, kind: 'Start' | 'End', clientId: number, threadId = 0): WorkEvent => ({
  atMs: 1_000 + atMs,
  pid: 7,
  threadId,
  kind,
  clientId,
});

test("timelineOf pairs each client's start and end, whatever order the lines arrived in", () => {
  const events = [
    at(0, 'Start', 1),
    at(10, 'Start', 2, 3), // a worker thread's line may arrive before another thread's End
    at(10, 'End', 1),
    at(10, 'Start', 1),
    at(30, 'End', 2, 3),
    at(25, 'End', 1),
    at(40, 'Start', 2),
  ];
  assert.deepEqual(timelineOf(events, 1_000, 100), {
    spanMs: 100,
    bars: [
      { clientId: 1, thread: '7/0', startMs: 0, endMs: 10 },
      { clientId: 1, thread: '7/0', startMs: 10, endMs: 25 },
      { clientId: 2, thread: '7/3', startMs: 10, endMs: 30 },
      { clientId: 2, thread: '7/0', startMs: 40, endMs: null },
    ],
  });
});

test('swimlanes: one after another vs interleaved on one thread', () => {
  const serial = timelineOf([at(0, 'Start', 1), at(20, 'End', 1), at(20, 'Start', 2), at(40, 'End', 2)], 1_000, 40);
  assert.deepEqual(renderSwimlanes(serial, { columns: 8, maxClientLanes: 4, maxThreadLanes: 4 }), [
    '            0 s 0.0 s',
    'client 1    ████····',
    'client 2    ····████',
    'thread main ████████',
  ]);
  const interleaved = timelineOf([at(0, 'Start', 1), at(0, 'Start', 2), at(40, 'End', 1), at(40, 'End', 2)], 1_000, 40);
  assert.deepEqual(renderSwimlanes(interleaved, { columns: 8, maxClientLanes: 1, maxThreadLanes: 4 }), [
    '            0 s 0.0 s',
    'client 1    ████████',
    'thread main 22222222',
    '(1 more client not shown)',
  ]);
});

test('swimlanes: consecutive requests of one client alternate their bar so they stay apart', () => {
  const backToBack = timelineOf([at(0, 'Start', 1), at(20, 'End', 1), at(20, 'Start', 1), at(40, 'End', 1)], 1_000, 40);
  assert.equal(
    renderSwimlanes(backToBack, { columns: 8, maxClientLanes: 4, maxThreadLanes: 0 })[1],
    'client 1 ████▓▓▓▓',
  );
});
