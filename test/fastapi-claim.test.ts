// The claim's verdict on fixed measurements: each question a three-outcome comparison of the
// routes' runs (holds, fails, equivalent, inconclusive with what it needs), censored probes, and the
// sentences and JSON-ready data the report states from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimVerdict, healthP99, pointVerdict } from '../fastapi/claim.ts';
import { claimComparisons } from '../fastapi/claim-runs.ts';
import { renderFastapiHtml } from './helpers/documents.ts';
import { claimPoints, claimSentences, claimTable } from '../fastapi/claim-text.ts';
import { PYTHON_MODELS, rowLabel } from '../fastapi/rows.ts';
import { PROBE_TIMEOUT_MS } from '../loadtests/observe/health-probe.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { fixedReport } from './fixtures/report.ts';

const base = fixedReport.runs[0]!;

/** A run of `model` at `clients`: its req/s, and the bystander's p99 (null: no probe answered). */
function row(model: string, clients: number, rate: number, healthP99Ms: number | null, repetition = 1): VariantRun {
  const latency = base.health.latencyMs!;
  return {
    ...base,
    variant: rowLabel(model, clients),
    repetition,
    connections: clients,
    requestsPerSecond: rate,
    requestsPerSecondCi95: [rate * 0.9, rate * 1.1],
    health: {
      ...base.health,
      sent: 200,
      failed: healthP99Ms === null ? 200 : 0,
      latencyMs: healthP99Ms === null ? null : { ...latency, p99: healthP99Ms },
    },
    clients: Array.from({ length: clients }, (_, i) => ({ clientId: i + 1, served: 3, meanLatencyMs: 100 })),
  };
}
const runsOf = (model: string, clients: number, rates: readonly number[], health: readonly (number | null)[]) =>
  rates.map((rate, index) => row(model, clients, rate, health[index] ?? null, index + 1));
const asyncDef = (clients: number, rates: readonly number[], health: readonly (number | null)[]) =>
  runsOf(PYTHON_MODELS.async.label, clients, rates, health);
const def = (clients: number, rates: readonly number[], health: readonly (number | null)[]) =>
  runsOf(PYTHON_MODELS.def.label, clients, rates, health);

/** The fastapi example at 1 client: each answer a cycle of the loop (ms), so 1000 ÷ it a replicate of req/s. */
const perSecond = (cyclesMs: readonly number[]) => cyclesMs.map((ms) => 1000 / ms);
const EXAMPLE = {
  asyncDef: asyncDef(1, perSecond([2927, 2983, 3028]), [7339, 7100, 7438]),
  def: def(1, perSecond([3152, 3183, 3197]), [19.1, 23.2, 12.0]),
};

test("the example's figures at 1 client: def served fewer (holds); /health waited longer beside async def (fails)", () => {
  const point = pointVerdict({ clients: 1, ...EXAMPLE });
  assert.equal(point.throughput.verdict, 'holds');
  assert.equal(point.throughput.comparison?.outcome, 'differs');
  assert.ok(point.throughput.comparison!.ratioCi95[1] < 1);
  assert.equal(point.responsiveness.verdict, 'fails');
  assert.deepEqual(point.runs, { asyncDef: 3, def: 3 });
});

test('one run each decides nothing yet and says a run more is the least it needs', () => {
  const point = pointVerdict({ clients: 64, asyncDef: asyncDef(64, [0.57], [500]), def: def(64, [0.49], [40]) });
  assert.equal(point.throughput.verdict, 'inconclusive');
  assert.equal(point.throughput.comparison?.moreRounds, 1);
  const sentences = claimSentences([...asyncDef(64, [0.57], [500]), ...def(64, [0.49], [40])]);
  assert.match(
    sentences[0]!,
    /: inconclusive, over 1 and 1 run; one run has no spread: a second run of each is the least/,
  );
});

test('runs that agree within the margin are equivalent: the claim fails for want of a difference', () => {
  const point = pointVerdict({
    clients: 4,
    asyncDef: asyncDef(4, [1.0, 1.005, 0.995, 1.0], [100, 101, 99, 100]),
    def: def(4, [1.002, 0.998, 1.001, 1.0], [100, 99, 101, 100]),
  });
  assert.equal(point.throughput.verdict, 'equivalent');
  assert.equal(point.responsiveness.verdict, 'equivalent');
});

test('a bystander never answered is censored at the probe timeout and can still decide', () => {
  assert.deepEqual(healthP99(row(PYTHON_MODELS.async.label, 64, 1, null)), { ms: PROBE_TIMEOUT_MS, censored: true });
  const point = pointVerdict({
    clients: 64,
    asyncDef: asyncDef(64, [0.57, 0.57], [null, null]),
    def: def(64, [0.5, 0.52], [40, 60]),
  });
  assert.equal(point.responsiveness.verdict, 'fails');
  assert.deepEqual(point.responsiveness.comparison?.censored, ['async def']);
  const both = pointVerdict({
    clients: 64,
    asyncDef: asyncDef(64, [0.57, 0.57], [null, null]),
    def: def(64, [0.5, 0.52], [null, null]),
  });
  assert.equal(both.responsiveness.verdict, 'inconclusive');
  assert.equal(both.responsiveness.comparison?.moreRounds, null);
  const sentences = claimSentences([
    ...asyncDef(64, [0.57, 0.57], [null, null]),
    ...def(64, [0.5, 0.52], [null, null]),
  ]);
  assert.match(sentences[1]!, /n\/a \(never answered\), n\/a \(never answered\) at p99 beside `async def`/);
  assert.match(sentences[1]!, /beside `async def` and `def` \(a lower bound\), so no count of runs decides\.$/);
});

/** A run whose window of `seconds` was asked for 2 rounds of 160 s; its warm-up as given. */
const rounds = (run: VariantRun, seconds: number, warmupEnd: 'answered' | 'bounded' = 'answered'): VariantRun => ({
  ...run,
  durationSeconds: seconds,
  window: { ...run.window, roundSeconds: 160, minRounds: 2, warmupEnd },
});

test('the overall verdict is at the most clients in steady state; unsteady and unmeasured counts say so', () => {
  const runs = [
    ...EXAMPLE.asyncDef,
    ...EXAMPLE.def,
    ...asyncDef(64, [0.57, 0.57], [500, 500]).map((run) => rounds(run, 320)),
    ...def(64, [0.5, 0.5], [40, 40]).map((run) => rounds(run, 40)),
  ];
  const verdict = claimVerdict([...claimPoints(runs), { clients: 128, asyncDef: [], def: [] }]);
  assert.deepEqual(
    verdict.points.map((point) => [point.clients, point.throughput.verdict, point.responsiveness.verdict]),
    [
      [1, 'holds', 'fails'],
      [64, 'not steady', 'not steady'],
      [128, 'not measured', 'not measured'],
    ],
  );
  assert.equal(verdict.decidingClients, 1);
  assert.equal(verdict.throughput.verdict, 'holds');
  assert.match(
    claimSentences(runs)[2]!,
    /^Verdict at 1 client, the most measured in steady state: the claim holds for throughput and fails for responsiveness \(each compares/,
  );
});

test('the sentences state every run and the comparison: ratio, interval, runs, outcome', () => {
  const sentences = claimSentences([...EXAMPLE.asyncDef, ...EXAMPLE.def]);
  assert.match(
    sentences[0]!,
    /^Throughput: at 1 client `async def` served 1\.07× \[1\.\d+–1\.\d+\] `def`'s req\/s: differs, over 3 and 3 runs \(0\.317, 0\.314, 0\.313 against 0\.342, 0\.335, 0\.330 req\/s\)\.$/,
  );
  assert.match(sentences[1]!, /\/health waited 7339 ms, 7100 ms, 7438 ms at p99 beside `async def`/);
  assert.equal(claimTable([...EXAMPLE.asyncDef, ...EXAMPLE.def]).rows.length, 6);
});

test('the deciding comparisons: two per count, open and undecidable where no run was steady', () => {
  const options = { margin: 0.05, looks: 4 };
  const decided = claimComparisons([...EXAMPLE.asyncDef, ...EXAMPLE.def], 1, options);
  assert.deepEqual(
    decided.map((comparison) => [comparison.metric, comparison.outcome]),
    [
      ['req/s', 'differs'],
      ['/health p99', 'differs'],
    ],
  );
  const missing = claimComparisons([...EXAMPLE.asyncDef], 1, options);
  assert.deepEqual(
    missing.map((comparison) => [comparison.outcome, comparison.moreRounds]),
    [
      ['inconclusive', null],
      ['inconclusive', null],
    ],
  );
});

test('without both routes the sentences say the claim was not tested', () => {
  assert.deepEqual(claimSentences(asyncDef(4, [1], [10])), [
    'The claim could not be tested: `async def` and `def` were not both measured at any client count.',
  ]);
});

test('the page opens with the verdict and holds the table and req/s and p50 against clients per model', () => {
  const html = renderFastapiHtml({ ...fixedReport, runs: [...EXAMPLE.asyncDef, ...EXAMPLE.def] });
  assert.ok(html.indexOf('claim-rate') > html.indexOf('id="answer"'), 'req/s by clients, after the answer');
  assert.ok(html.includes('claim-p50'), 'p50 by clients');
  assert.ok(
    html.indexOf('The claim at 1 client: holds for throughput, fails for responsiveness') < html.indexOf('id="hero"'),
    'the verdict first',
  );
  for (const name of [PYTHON_MODELS.async.label, PYTHON_MODELS.def.label, '1 client'])
    assert.ok(html.includes(name), name);
});
