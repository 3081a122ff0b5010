// The window plan on fixed numbers: a round is clients × one request alone ÷ the requests that
// progress at once, a window asked for rounds lasts that many (or --duration when longer) up to
// --max-duration, and a row that held fewer rounds, or whose warm-up was bounded, is not steady.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DurationSettings, planFor, roundSeconds } from '../loadtests/measure/window-plan.ts';
import { isSteady, notSteadyReason, roundsHeld } from '../loadtests/report/steady.ts';
import { rowFlags, windowTable } from '../loadtests/report/trust.ts';
import { fixedReport } from './fixtures/report.ts';

const fixed = (minRounds?: number, maxDurationSeconds = 600): DurationSettings => ({
  durationSeconds: 10,
  autoDuration: 'never',
  maxDurationSeconds,
  ...(minRounds === undefined ? {} : { minRounds }),
});

test('a round: clients × one request alone ÷ requests at once; unknown parallelism counts as 1, never more than the clients', () => {
  assert.equal(roundSeconds(2500, 64, 1), 160);
  assert.equal(roundSeconds(2500, 64, 2), 80);
  assert.equal(roundSeconds(2500, 64, null), 160);
  assert.equal(roundSeconds(2500, 1, 2), 2.5);
});

test('without rounds the window is --duration, as before', () => {
  const plan = planFor(2500, 64, fixed());
  assert.deepEqual(plan.window, { kind: 'fixed', seconds: 10 });
  assert.equal(plan.minRounds, null);
  assert.equal(plan.roundSeconds, 160);
});

test('2 rounds of 64 one-at-a-time clients of 2.5 s: a fixed window of 320 s; 2 at once: 160 s', () => {
  assert.deepEqual(planFor(2500, 64, fixed(2), 1).window, { kind: 'fixed', seconds: 320 });
  assert.deepEqual(planFor(2500, 64, fixed(2), 2).window, { kind: 'fixed', seconds: 160 });
  assert.equal(planFor(2500, 64, fixed(2), 1).minRounds, 2);
});

test('rounds shorter than --duration leave --duration; a fraction of a second rounds up', () => {
  assert.deepEqual(planFor(60, 4, fixed(2), 1).window, { kind: 'fixed', seconds: 10 });
  const short = { ...fixed(3), durationSeconds: 1 };
  assert.deepEqual(planFor(350, 1, short, 1).window, { kind: 'fixed', seconds: 2 });
});

test('rounds never take the window beyond --max-duration; an automatic window starts at the rounds', () => {
  assert.deepEqual(planFor(2500, 64, fixed(2, 200), 1).window, { kind: 'fixed', seconds: 200 });
  const auto = planFor(2500, 16, { ...fixed(2), autoDuration: 'always' }, 1).window;
  assert.equal(auto.kind === 'auto' && auto.minSeconds, 80);
  assert.equal(auto.kind === 'auto' && auto.maxSeconds, 600);
});

const base = fixedReport.runs[0]!;
const windowOf = (durationSeconds: number, window: Partial<typeof base.window>) => ({
  durationSeconds,
  window: { ...base.window, roundSeconds: 160, minRounds: 2, ...window },
});

test('a row is steady when its warm-up had its answers and its window held the rounds asked', () => {
  assert.equal(isSteady(windowOf(320.4, {})), true);
  assert.equal(roundsHeld(windowOf(320, {})), 2);
  assert.equal(isSteady(windowOf(40, { minRounds: null })), true);
});

test('a window cut by --max-duration, or a warm-up that ran out, is not steady, and says why', () => {
  assert.equal(
    notSteadyReason(windowOf(40, {})),
    'its window held 0.25 of the 2 rounds asked (a round 160.0 s; --max-duration)',
  );
  assert.equal(
    notSteadyReason(windowOf(320, { warmupEnd: 'bounded', warmupSeconds: 480, warmupAnswers: 40 })),
    'its warm-up ran out at 480 s with 40 answers',
  );
  assert.match(
    notSteadyReason(windowOf(40, { warmupEnd: 'bounded' })) ?? '',
    /^its warm-up ran out .* and its window held 0\.25/,
  );
});

test('the window table shows the rounds held of those asked, and a row short of them gets a finding', () => {
  const run = { ...base, ...windowOf(40, {}) };
  const report = { ...fixedReport, runs: [run] };
  const table = windowTable(report);
  const column = table.columns.findIndex((c) => c.header === 'window s');
  assert.equal(table.rows[0]![column], '40.0 (0.3 rounds, 2 asked)');
  assert.ok(
    rowFlags(report).includes(
      `${base.variant} is not steady state: its window held 0.25 of the 2 rounds asked (a round 160.0 s; --max-duration); its latencies are of a first round.`,
    ),
  );
  assert.equal(windowTable(fixedReport).rows[0]![column], '10.0');
});
