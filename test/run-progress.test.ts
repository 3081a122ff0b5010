// Live progress: what a terminal shows, and that pipes and CI logs get nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowProgress } from '../loadtests/measure/window-progress.ts';
import {
  announce,
  clockTime,
  ERASE_LINE,
  type ProgressStream,
  runProgress,
  watching,
} from '../loadtests/observe/run-progress.ts';

interface FakeTerminal extends ProgressStream {
  readonly writes: string[];
}

function terminal(isTTY: boolean, columns?: number): FakeTerminal {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (text: string) => writes.push(text) };
}

/** A clock the test moves by hand, so no assertion depends on how fast the machine is. */
function clock(): { nowMs: () => number; advance: (ms: number) => void } {
  let now = 5_000;
  return { nowMs: () => now, advance: (ms) => (now += ms) };
}

const NO_CI = { CI: undefined };

test('a terminal sees step, elapsed time, the estimate from finished steps, and the detail', () => {
  const tty = terminal(true, 200);
  const time = clock();
  const progress = runProgress(4, { stream: tty, env: NO_CI, nowMs: time.nowMs });
  progress.step('inline, run 1 of 2');
  time.advance(3_000);
  progress.detail('window 3 s, 130 served, 43.3 req/s');
  time.advance(7_000);
  progress.step('inline, run 2 of 2');
  time.advance(30_000);
  progress.step('pool, run 1 of 2');
  time.advance(2_000);
  progress.detail('warm-up 2 s');
  progress.clear();
  progress.clear();
  assert.deepEqual(tty.writes, [
    `${ERASE_LINE}[1/4 · 0:00 elapsed] inline, run 1 of 2`,
    `${ERASE_LINE}[1/4 · 0:03 elapsed] inline, run 1 of 2: window 3 s, 130 served, 43.3 req/s`,
    // one step of 10 s done, three to go (this one included, just started): 30 s
    `${ERASE_LINE}[2/4 · 0:10 elapsed · ~0:30 left] inline, run 2 of 2`,
    // mean of 10 s and 30 s is 20 s; two steps to go: 40 s, and 2 s later 38 s
    `${ERASE_LINE}[3/4 · 0:40 elapsed · ~0:40 left] pool, run 1 of 2`,
    `${ERASE_LINE}[3/4 · 0:42 elapsed · ~0:38 left] pool, run 1 of 2: warm-up 2 s`,
    ERASE_LINE, // cleared once; a second clear writes nothing
  ]);
});

test('a new step drops the previous step detail, and a step beyond the total widens the count', () => {
  const tty = terminal(true);
  const time = clock();
  const progress = runProgress(1, { stream: tty, env: NO_CI, nowMs: time.nowMs });
  progress.step('first');
  progress.detail('42 served');
  time.advance(4_000);
  progress.step('one more than planned');
  assert.equal(tty.writes.at(-1), `${ERASE_LINE}[2/2 · 0:04 elapsed · ~0:00 left] one more than planned`);
});

test('a line wider than the terminal is cut to fit, so erasing it clears all of it', () => {
  const tty = terminal(true, 30);
  const progress = runProgress(2, { stream: tty, env: NO_CI, nowMs: clock().nowMs });
  progress.step('a step whose name is far too long for this terminal');
  const shown = tty.writes[0]!.slice(ERASE_LINE.length);
  assert.equal(shown.length, 29);
  assert.equal(shown, '[1/2 · 0:00 elapsed] a step …');
});

test('nothing is written to a pipe or a file', () => {
  const pipe = terminal(false);
  const progress = runProgress(3, { stream: pipe, env: NO_CI });
  progress.step('one');
  progress.detail('detail');
  progress.clear();
  assert.deepEqual(pipe.writes, []);
});

test('nothing is written in CI, even on a terminal; an empty CI counts as unset', () => {
  const tty = terminal(true);
  const inCi = runProgress(3, { stream: tty, env: { CI: 'true' } });
  inCi.step('one');
  inCi.detail('detail');
  inCi.clear();
  assert.deepEqual(tty.writes, []);
  runProgress(3, { stream: tty, env: { CI: '' }, nowMs: clock().nowMs }).step('one');
  assert.deepEqual(tty.writes, [`${ERASE_LINE}[1/3 · 0:00 elapsed] one`]);
});

test('clock time: minutes and seconds, hours only past an hour', () => {
  assert.equal(clockTime(0), '0:00');
  assert.equal(clockTime(42_400), '0:42');
  assert.equal(clockTime(90_000), '1:30');
  assert.equal(clockTime(3_723_000), '1:02:03');
});

test('a step count that is not a whole number ≥ 1 is a programming error, named', () => {
  assert.throws(() => runProgress(0), /totalSteps must be a whole number ≥ 1, received 0/);
  assert.throws(() => runProgress(2.5), /received 2.5/);
});

test('a say through watching() erases the live line first; announce() logs a step and shows it', () => {
  const tty = terminal(true);
  const said: string[] = [];
  const watch = watching((line) => said.push(line), 2, { stream: tty, env: NO_CI, nowMs: clock().nowMs });
  announce(watch, 'figure 1');
  watch.say('a line that stays');
  assert.deepEqual(said, ['figure 1', 'a line that stays']);
  assert.deepEqual(tty.writes, [`${ERASE_LINE}[1/2 · 0:00 elapsed] figure 1`, ERASE_LINE]);
});

test("the window's live detail: phase and seconds, then what was served and at what rate", () => {
  assert.equal(windowProgress.detail({ phase: 'warm-up', seconds: 1.2, servedInWindow: 0 }), 'warm-up 1 s');
  assert.equal(windowProgress.detail({ phase: 'window', seconds: 0.2, servedInWindow: 3 }), 'window 0 s, 3 served');
  assert.equal(
    windowProgress.detail({ phase: 'window', seconds: 4, servedInWindow: 130 }),
    'window 4 s, 130 served, 32.5 req/s',
  );
});
