// The crossover computed from fixed measurements: a bracket found, not found, undecided points; the
// bystander's bounds; where a handler falls; and the sentences and tables that say so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apartOf, crossoverOf, pairsOf } from '../loadtests/crossover/analysis.ts';
import { crossoverAnswer, crossoverFindings } from '../loadtests/crossover/findings.ts';
import { crossoverTable, ratioTable } from '../loadtests/crossover/tables.ts';
import { CPU_MICROS, crossoverReport, measuredWindow, twoRuns, WINDOWS } from './fixtures/crossover-report.ts';

const report = crossoverReport();

test('crossover: a bracket from the largest point inline was not behind to the smallest pool stayed ahead from', () => {
  assert.deepEqual(report.crossovers, [
    { payloadBytes: 0, cpuMicrosPerRequest: 1_000, inlineNotBehindMicros: 10 },
    { payloadBytes: 65_536, cpuMicrosPerRequest: null, inlineNotBehindMicros: null },
  ]);
  assert.deepEqual(
    pairsOf(WINDOWS, CPU_MICROS, 0).map(apartOf),
    ['inline', 'undecided', 'pool'],
    'inline ahead, then undecided, then pool ahead',
  );
});

const loop = (cpuMicrosPerRequest: number) => ({ kind: 'loop', cpuMicrosPerRequest, iterations: 1 }) as const;
/** Two runs of each variant at a point: rates ± 0.5%. */
const at = (micros: number, inline: number, pool: number) => [
  ...twoRuns('inline', loop(micros), 0, [inline, inline * 0.005]),
  ...twoRuns('pool', loop(micros), 0, [pool, pool * 0.005]),
];

test('one run a side, or runs that disagree, decide nothing, however large the ratio', () => {
  const once = [measuredWindow('inline', loop(50), 0, [100, 1]), measuredWindow('pool', loop(50), 0, [300, 1])];
  assert.equal(crossoverOf(pairsOf(once, [50], 0)), null);
  const scattered = [...twoRuns('inline', loop(50), 0, [100, 40]), ...twoRuns('pool', loop(50), 0, [300, 150])];
  assert.equal(apartOf(pairsOf(scattered, [50], 0)[0]!), 'undecided');
  assert.deepEqual(crossoverOf(pairsOf(at(50, 100, 300), [50], 0)), {
    cpuMicrosPerRequest: 50,
    inlineNotBehindMicros: null,
  });
  const failed = [
    ...twoRuns('inline', loop(50), 0, [100, 1]),
    { state: 'failed', variant: 'pool', work: loop(50), payloadBytes: 0, reason: 'x' } as const,
  ];
  assert.equal(crossoverOf(pairsOf(failed, [50], 0)), null, 'a failed window is no evidence');
});

test('runs within ±5% of each other are equivalent: inline is not behind there', () => {
  const windows = [...at(10, 100, 101), ...at(100, 100, 150)];
  assert.deepEqual(pairsOf(windows, [10, 100], 0).map(apartOf), ['equivalent', 'pool']);
  assert.deepEqual(crossoverOf(pairsOf(windows, [10, 100], 0)), {
    cpuMicrosPerRequest: 100,
    inlineNotBehindMicros: 10,
  });
});

test('a pool-ahead point with inline not behind above it is no crossover: the bracket starts above the last', () => {
  // pool ahead at 2 µs, inline ahead at 8 µs, undecided at 30 µs, pool ahead from 120 µs on.
  const windows = [
    ...at(2, 100, 150),
    ...at(8, 150, 100),
    ...twoRuns('inline', loop(30), 0, [100, 20]),
    ...twoRuns('pool', loop(30), 0, [101, 20]),
    ...at(120, 100, 150),
    ...at(500, 50, 90),
  ];
  assert.deepEqual(crossoverOf(pairsOf(windows, [2, 8, 30, 120, 500], 0)), {
    cpuMicrosPerRequest: 120,
    inlineNotBehindMicros: 8,
  });
  assert.equal(crossoverOf(pairsOf(windows, [2, 8, 30], 0)), null, 'inline ahead above the last pool-ahead point');
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
  assert.equal(report.handler![0]!.poolOverInline?.toFixed(2), '1.90');
  assert.deepEqual(report.handler, [
    // 3,250 µs measured, less (60 − 10) µs that the request cost beyond the 10 µs loop.
    { payloadBytes: 0, cpuMicrosPerRequest: 3_200, poolOverInline: report.handler![0]!.poolOverInline, apart: 'pool' },
    { payloadBytes: 65_536, cpuMicrosPerRequest: null, poolOverInline: null, apart: 'undecided' },
  ]);
});

test('every sentence is computed from the numbers', () => {
  assert.deepEqual(crossoverFindings(report), [
    "With no body (GET): the pool starts to pay between 10 µs and 1.0 ms of CPU per request: at 1.0 ms pool served 1.89× inline's req/s (pool ahead, and inline never ahead or equivalent above), at 10 µs inline served 1.50× pool's req/s (inline ahead); undecided between them: 100 µs.",
    "With a 64 KiB body: pool was never decided ahead of inline and stayed so, at any CPU time per request from 10 µs to 1.0 ms; at 1.0 ms pool served 1.06× inline's req/s (undecided).",
    "Inline's bystander GET /health p99 with no body (GET) passed 10 ms from 100 µs of CPU per request and passed 100 ms from 1.0 ms of CPU per request.",
    "Inline's bystander GET /health p99 with a 64 KiB body passed 10 ms from 1.0 ms of CPU per request and stayed under 100 ms at every point.",
    "Your handler costs 3.2 ms of CPU per request with no body (GET): above the crossover (10 µs – 1.0 ms); here pool served 1.90× inline's req/s (pool ahead).",
    "Your handler's CPU per request with a 64 KiB body could not be measured; pool and inline were not both measured here.",
  ]);
  assert.deepEqual(crossoverAnswer(report), [
    "With no body (GET): the pool pays between 10 µs and 1.0 ms of CPU per request (1.0 ms: pool served 1.89× inline's req/s).",
    'With a 64 KiB body: the pool was never decided ahead of inline in range.',
  ]);
});

test('the tables: pool ÷ inline per point and body, marked where the intervals are apart', () => {
  assert.deepEqual(ratioTable(report).rows, [
    ['10 µs', '0.67× inline', '0.67× inline'],
    ['100 µs', '1.05×', '0.96×'],
    ['1.0 ms', '1.89× pool', '1.06×'],
  ]);
  assert.deepEqual(crossoverTable(report).rows, [
    ['0 B', '10 µs – 1.0 ms', '100 µs', '1.0 ms'],
    ['64 KiB', 'not in range', '1.0 ms', 'not in range'],
  ]);
});
