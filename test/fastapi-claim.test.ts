// The claim's verdict on fixed measurements: holds, fails, not distinguishable, for throughput and
// responsiveness apart, and the sentences the report states from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimVerdict, LATENCY_RATIO_DISTINGUISHABLE, pointVerdict } from '../fastapi/claim.ts';
import { renderFastapiHtml } from './helpers/documents.ts';
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
    'Verdict at 64 clients, the most measured in steady state: the claim holds for throughput and fails for responsiveness (latencies count as different at 2.00× or more).',
  );
  assert.equal(claimTable(runs).rows.length, 4);
});

test('without both routes the sentences say the claim was not tested', () => {
  assert.deepEqual(claimSentences([asyncDef(4, 1, 0.1, 10)]), [
    'The claim could not be tested: `async def` and `def` were not both measured at any client count.',
  ]);
});

/** A row whose window of `seconds` was asked for 2 rounds of 160 s; its warm-up as given. */
const rounds = (run: VariantRun, seconds: number, warmupEnd: 'answered' | 'bounded' = 'answered'): VariantRun => ({
  ...run,
  durationSeconds: seconds,
  window: { ...run.window, roundSeconds: 160, minRounds: 2, warmupEnd },
});

test('a row whose window held fewer rounds than asked, or whose warm-up ran out, is not steady: no verdict there', () => {
  const capped = pointVerdict({
    clients: 64,
    asyncDef: rounds(asyncDef(64, 1, 0.05, 2400), 320),
    def: rounds(def(64, 0.7, 0.05, 40), 40),
  });
  assert.deepEqual([capped.steady, capped.throughput, capped.responsiveness], [false, 'not steady', 'not steady']);
  assert.equal(capped.throughputRatio?.toFixed(2), '0.70');
  const bounded = pointVerdict({
    clients: 64,
    asyncDef: rounds(asyncDef(64, 1, 0.05, 2400), 320, 'bounded'),
    def: rounds(def(64, 0.7, 0.05, 40), 320),
  });
  assert.equal(bounded.throughput, 'not steady');
  const steady = pointVerdict({
    clients: 64,
    asyncDef: rounds(asyncDef(64, 1, 0.05, 2400), 320),
    def: rounds(def(64, 0.7, 0.05, 40), 321),
  });
  assert.deepEqual([steady.steady, steady.throughput], [true, 'holds']);
});

test('the verdict is taken at the most clients in steady state; the unsteady count is marked and says why', () => {
  const runs = [
    asyncDef(4, 1.0, 0.05, 2400),
    def(4, 0.77, 0.04, 40),
    rounds(asyncDef(64, 1.0, 0.05, 2400), 320),
    rounds(def(64, 1.3, 0.05, 40), 40),
  ];
  const verdict = claimVerdict(claimPoints(runs));
  assert.equal(verdict.decidingClients, 4);
  assert.equal(verdict.throughput, 'holds');
  const sentences = claimSentences(runs);
  assert.match(
    sentences[0]!,
    /; at 64 clients 1\.30 ±0\.05 against 1\.00 ±0\.05 req\/s \(not steady state, kept out of the verdict: `def`: its window held 0\.25 of the 2 rounds asked/,
  );
  assert.match(sentences[1]!, /at 64 clients .* \(not steady state: first-round latencies\)\.$/);
  assert.match(
    sentences[2]!,
    /^Verdict at 4 clients, the most measured in steady state: the claim holds for throughput/,
  );
  const steadyColumn = claimTable(runs).columns.findIndex((column) => column.header === 'steady state (window rounds)');
  assert.deepEqual(
    claimTable(runs).rows.map((cells) => cells[steadyColumn]),
    ['yes (62.5)', 'yes (2.0)', 'yes (62.5)', 'no (0.3)'],
  );
});

test('no count in steady state: the verdict says it cannot be decided, and why', () => {
  const runs = [rounds(asyncDef(64, 1.0, 0.05, 2400), 320, 'bounded'), rounds(def(64, 0.7, 0.05, 40), 320)];
  const verdict = claimVerdict(claimPoints(runs));
  assert.deepEqual([verdict.throughput, verdict.decidingClients], ['not steady', null]);
  assert.equal(
    claimSentences(runs)[2],
    'Verdict: the claim cannot be decided (no client count had both routes in steady state).',
  );
});

test('the page opens with the verdict and holds the table and req/s and p50 against clients per model', () => {
  const runs = [
    asyncDef(4, 1.0, 0.05, 2400),
    def(4, 0.77, 0.04, 40),
    asyncDef(64, 1.0, 0.05, 2400),
    def(64, 0.69, 0.04, 40),
  ];
  const html = renderFastapiHtml({ ...fixedReport, runs });
  // The hero (req/s by clients) and p50 by clients: the claim's own two charts.
  assert.ok(html.indexOf('claim-rate') > html.indexOf('id="answer"'), 'req/s by clients, after the answer');
  assert.ok(html.includes('claim-p50'), 'p50 by clients');
  assert.ok(
    html.indexOf('The claim at 64 clients: holds for throughput') < html.indexOf('id="hero"'),
    'the verdict first',
  );
  assert.match(
    html,
    /Verdict at 64 clients, the most measured in steady state: the claim holds for throughput and fails for responsiveness/,
  );
  // One bar group per model, one series per client count.
  for (const name of [PYTHON_MODELS.async.label, PYTHON_MODELS.def.label, '4 clients', '64 clients'])
    assert.ok(html.includes(name), name);
});
