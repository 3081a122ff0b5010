// The crossover computed from fixed measurements: found, not found, intervals that overlap; the
// bystander's bounds; where a handler falls; and the sentences and tables that say so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apartOf, crossoverOf, pairsOf } from '../loadtests/crossover/analysis.ts';
import { crossoverAnswer, crossoverFindings } from '../loadtests/crossover/findings.ts';
import { crossoverTable, ratioTable } from '../loadtests/crossover/tables.ts';
import { CPU_MICROS, crossoverReport, measuredWindow, WINDOWS } from './fixtures/crossover-report.ts';

const report = crossoverReport();

test('crossover: the smallest CPU time at which pool serves more beyond both intervals, or null', () => {
  assert.deepEqual(report.crossovers, [
    { payloadBytes: 0, cpuMicrosPerRequest: 1_000 },
    { payloadBytes: 65_536, cpuMicrosPerRequest: null },
  ]);
  assert.deepEqual(
    pairsOf(WINDOWS, CPU_MICROS, 0).map(apartOf),
    ['inline', 'overlap', 'pool'],
    'inline ahead, then not distinguishable, then pool ahead',
  );
});

test('intervals that touch or overlap are no crossover, however large the ratio', () => {
  const loop = { kind: 'loop', cpuMicrosPerRequest: 50, iterations: 1 } as const;
  const touching = [measuredWindow('inline', loop, 0, [100, 50]), measuredWindow('pool', loop, 0, [300, 150])];
  assert.equal(crossoverOf(pairsOf(touching, [50], 0)), null);
  const apart = [measuredWindow('inline', loop, 0, [100, 50]), measuredWindow('pool', loop, 0, [300, 149])];
  assert.equal(crossoverOf(pairsOf(apart, [50], 0)), 50);
  const failed = [measuredWindow('inline', loop, 0, [100, 1]), { ...apart[1]!, state: 'failed', reason: 'x' } as const];
  assert.equal(crossoverOf(pairsOf(failed, [50], 0)), null, 'a failed window is no evidence');
});

test('a point where pool was ahead but inline was ahead above it is no crossover: the pool must stay ahead', () => {
  const loop = (cpuMicrosPerRequest: number) => ({ kind: 'loop', cpuMicrosPerRequest, iterations: 1 }) as const;
  const at = (micros: number, inline: number, pool: number) => [
    measuredWindow('inline', loop(micros), 0, [inline, 1]),
    measuredWindow('pool', loop(micros), 0, [pool, 1]),
  ];
  // pool ahead at 2 µs, inline ahead at 8 µs, overlap at 30 µs, pool ahead from 120 µs on.
  const windows = [
    ...at(2, 100, 150),
    ...at(8, 150, 100),
    ...at(30, 100, 101),
    ...at(120, 100, 150),
    ...at(500, 50, 90),
  ];
  assert.equal(crossoverOf(pairsOf(windows, [2, 8, 30, 120, 500], 0)), 120);
  assert.equal(crossoverOf(pairsOf(windows, [2, 8, 30], 0)), null, 'inline ahead at the last pool-ahead point above');
});

test("inline's /health p99: the smallest CPU time at which it passed 10 ms and 100 ms", () => {
  assert.deepEqual(report.healthThresholds, [
    { payloadBytes: 0, thresholdMs: 10, cpuMicrosPerRequest: 100 },
    { payloadBytes: 0, thresholdMs: 100, cpuMicrosPerRequest: 1_000 },
    { payloadBytes: 65_536, thresholdMs: 10, cpuMicrosPerRequest: 1_000 },
    { payloadBytes: 65_536, thresholdMs: 100, cpuMicrosPerRequest: null },
  ]);
});

test("the handler: its server CPU less the lowest point's HTTP and body cost, and pool ÷ inline of its own", () => {
  assert.deepEqual(report.handler, [
    // 3,250 µs measured, less (60 − 10) µs that the request cost beyond the 10 µs loop.
    { payloadBytes: 0, cpuMicrosPerRequest: 3_200, poolOverInline: 1.9, apart: 'pool' },
    { payloadBytes: 65_536, cpuMicrosPerRequest: null, poolOverInline: null, apart: 'overlap' },
  ]);
});

test('every sentence is computed from the numbers', () => {
  assert.deepEqual(crossoverFindings(report), [
    // The crossover as a bracket between measured points, and the larger of two rates first.
    "With no body (GET): the pool starts to pay between 100 µs and 1.0 ms of CPU per request; at 1.0 ms pool served 1.89× inline's req/s beyond both intervals; below it inline served more at 1 point (up to 1.50× pool's req/s), and no higher point was measured.",
    "With a 64 KiB body: pool never served more than inline beyond their intervals at any CPU time per request from 10 µs to 1.0 ms; at 1.0 ms pool served 1.06× inline's req/s (their intervals overlap).",
    "Inline's bystander GET /health p99 with no body (GET) passed 10 ms from 100 µs of CPU per request and passed 100 ms from 1.0 ms of CPU per request.",
    "Inline's bystander GET /health p99 with a 64 KiB body passed 10 ms from 1.0 ms of CPU per request and stayed under 100 ms at every point.",
    "Your handler costs 3.2 ms of CPU per request with no body (GET): above the crossover (1.0 ms); here pool served 1.90× inline's req/s.",
    "Your handler's CPU per request with a 64 KiB body could not be measured; pool and inline were not both measured here.",
  ]);
  assert.deepEqual(crossoverAnswer(report), [
    "With no body (GET): the pool pays between 100 µs and 1.0 ms of CPU per request (1.0 ms: pool served 1.89× inline's req/s).",
    'With a 64 KiB body: the pool never served more than inline beyond their intervals.',
  ]);
});

test('the tables: pool ÷ inline per point and body, marked where the intervals are apart', () => {
  assert.deepEqual(ratioTable(report).rows, [
    ['10 µs', '0.67× inline', '0.67× inline'],
    ['100 µs', '1.05×', '0.96×'],
    ['1.0 ms', '1.89× pool', '1.06×'],
  ]);
  assert.deepEqual(crossoverTable(report).rows, [
    ['0 B', '1.0 ms', '100 µs', '1.0 ms'],
    ['64 KiB', 'not in range', '1.0 ms', 'not in range'],
  ]);
});
