// The claim's verdict on fixed measurements: holds, fails, not distinguishable, for throughput and
// responsiveness apart, and the sentences the report states from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimVerdict, LATENCY_RATIO_DISTINGUISHABLE, pointVerdict } from '../fastapi/claim.ts';
import { claimHtml } from '../fastapi/claim-html.ts';
import { claimPoints, claimSentences, claimTable } from '../fastapi/claim-text.ts';
import { PYTHON_MODELS, rowLabel } from '../fastapi/rows.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { fixedReport } from './fixtures/report.ts';

const base = fixedReport.runs[0]!;

/** A row of `model` at `clients`: req/s with its interval, and the bystander's p99. */
function row(model: string, clients: number, rate: number, halfWidth: number, healthP99Ms: number): VariantRun {
  const latency = base.health.latencyMs!;
  return {
    ...base,
    variant: rowLabel(model, clients),
    connections: clients,
    requestsPerSecond: rate,
    requestsPerSecondCi95: [rate - halfWidth, rate + halfWidth],
    health: { ...base.health, latencyMs: { ...latency, p99: healthP99Ms } },
    clients: Array.from({ length: clients }, (_, i) => ({ clientId: i + 1, served: 3, meanLatencyMs: 100 })),
  };
}
const asyncDef = (clients: number, rate: number, halfWidth: number, healthMs: number) =>
  row(PYTHON_MODELS.async.label, clients, rate, halfWidth, healthMs);
const def = (clients: number, rate: number, halfWidth: number, healthMs: number) =>
  row(PYTHON_MODELS.def.label, clients, rate, halfWidth, healthMs);

test('def slower with intervals apart: holds for throughput; async def blocking /health: fails for responsiveness', () => {
  const point = pointVerdict({ clients: 64, asyncDef: asyncDef(64, 1.0, 0.05, 2400), def: def(64, 0.7, 0.05, 40) });
  assert.equal(point.throughput, 'holds');
  assert.equal(point.responsiveness, 'fails');
  assert.equal(point.throughputRatio?.toFixed(2), '0.70');
  assert.equal(point.steady, true);
});

test('def faster with intervals apart: fails; def keeping /health waiting twice as long: holds', () => {
  const slowHealth = 40 * LATENCY_RATIO_DISTINGUISHABLE;
  const point = pointVerdict({ clients: 4, asyncDef: asyncDef(4, 1.0, 0.05, 40), def: def(4, 1.3, 0.05, slowHealth) });
  assert.equal(point.throughput, 'fails');
  assert.equal(point.responsiveness, 'holds');
});

test('overlapping intervals and latencies within the ratio: not distinguishable', () => {
  const point = pointVerdict({ clients: 16, asyncDef: asyncDef(16, 1.0, 0.1, 100), def: def(16, 0.95, 0.1, 150) });
  assert.equal(point.throughput, 'not distinguishable');
  assert.equal(point.responsiveness, 'not distinguishable');
});

test('a count where one route was not measured is not measured; the overall verdict is at the most clients', () => {
  const runs = [
    asyncDef(4, 1.0, 0.05, 2400),
    def(4, 0.8, 0.05, 40),
    asyncDef(64, 1.0, 0.05, 2400),
    def(64, 1.0, 0.1, 2000),
  ];
  const verdict = claimVerdict([...claimPoints(runs), { clients: 128, asyncDef: null, def: null }]);
  assert.deepEqual(
    verdict.points.map((point) => [point.clients, point.throughput, point.responsiveness]),
    [
      [4, 'holds', 'fails'],
      [64, 'not distinguishable', 'not distinguishable'],
      [128, 'not measured', 'not measured'],
    ],
  );
  assert.equal(verdict.decidingClients, 64);
  assert.equal(verdict.throughput, 'not distinguishable');
});

test('the sentences state the figures and the verdict they were computed from', () => {
  const runs = [
    asyncDef(4, 1.0, 0.05, 2400),
    def(4, 0.77, 0.04, 40),
    asyncDef(64, 1.0, 0.05, 2400),
    def(64, 0.69, 0.04, 40),
  ];
  const sentences = claimSentences(runs);
  assert.match(
    sentences[0]!,
    /^Throughput: at 4 clients `def` served 23% fewer requests than `async def` \(0\.77 ±0\.04 against 1\.00 ±0\.05 req\/s\); at 64 clients `def` served 31% fewer/,
  );
  assert.match(sentences[1]!, /\/health waited 2400 ms at p99 beside `async def` and 40\.0 ms beside `def`/);
  assert.equal(
    sentences[2],
    'Verdict at 64 clients, the most measured: the claim holds for throughput and fails for responsiveness (latencies count as different at 2.00× or more).',
  );
  assert.equal(claimTable(runs).rows.length, 4);
});

test('without both routes the sentences say the claim was not tested', () => {
  assert.deepEqual(claimSentences([asyncDef(4, 1, 0.1, 10)]), [
    'The claim could not be tested: `async def` and `def` were not both measured at any client count.',
  ]);
});

test('a row whose clients were not all answered in the window is not steady', () => {
  const starved = { ...def(64, 0.7, 0.05, 40), clients: [{ clientId: 1, served: 0, meanLatencyMs: null }] };
  assert.equal(pointVerdict({ clients: 64, asyncDef: asyncDef(64, 1, 0.05, 2400), def: starved }).steady, false);
});

test('the HTML section holds the verdict, the table and req/s and p50 against clients per model', () => {
  const runs = [
    asyncDef(4, 1.0, 0.05, 2400),
    def(4, 0.77, 0.04, 40),
    asyncDef(64, 1.0, 0.05, 2400),
    def(64, 0.69, 0.04, 40),
  ];
  const html = claimHtml(runs);
  assert.equal(html.match(/<svg/g)?.length, 2);
  assert.match(
    html,
    /Verdict at 64 clients, the most measured: the claim holds for throughput and fails for responsiveness/,
  );
  // One bar group per model, one series per client count.
  for (const name of [PYTHON_MODELS.async.label, PYTHON_MODELS.def.label, '4 clients', '64 clients'])
    assert.ok(html.includes(name), name);
});
