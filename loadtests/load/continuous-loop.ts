// One continuous closed loop per measured run: the same clients run through the warm-up, the
// window and a graceful end. Only answers that arrive inside the window count; at its end the
// clients stop sending and wait for their outstanding answers (uncounted), so nothing a client
// sent runs into the next window, the calibration or the next variant.
import type { GracefulEnd } from '../report/figures.ts';
import type { FailureKind } from './load-driver.ts';
import { type EngineOptions, startDriver } from './start-driver.ts';
import { longestWarmUp, warmUp, type WarmUpRule } from './warm-up.ts';
import { WindowCounter } from './window-counter.ts';
import { nowMs, type WindowEnd, type WindowRule, windowEnd } from './window-rule.ts';

const PROGRESS_MS = 1_000;

export interface LoopProgress {
  readonly phase: 'warm-up' | 'window' | 'graceful end';
  readonly seconds: number;
  /** 2xx answers inside the window so far. */
  readonly servedInWindow: number;
}

export interface LoopHooks {
  /** As the window opens (start samplers, the log); neither the clients nor the window wait for it. */
  readonly onWindowOpen?: () => Promise<void>;
  /** As the window closes, before the graceful end; the outstanding answers are not awaited yet. */
  readonly onWindowClose?: () => Promise<void>;
  /** About once a second, for a progress line. */
  readonly onProgress?: (progress: LoopProgress) => void;
}

export interface ContinuousLoopOptions extends EngineOptions {
  readonly warmup: WarmUpRule;
  readonly window: WindowRule;
  /** How long the graceful end waits for outstanding answers before it drops them. */
  readonly graceSeconds: number;
}

export interface LoopOutcome {
  readonly startMs: number;
  readonly endMs: number;
  readonly seconds: number;
  /** Why the window ended when it did, and the looks its interval is corrected for. */
  readonly end: WindowEnd;
  /** What the answers inside the window amount to: counts, not the answers. */
  readonly counted: WindowCounter;
  readonly errors: number;
  readonly timeouts: number;
  readonly warmupAnswers: number;
  /** How long the warm-up lasted, and whether its answers came or its bound ended it. */
  readonly warmupSeconds: number;
  readonly warmupEnd: 'answered' | 'bounded';
  readonly gracefulEnd: GracefulEnd;
}

export async function runContinuousLoop(options: ContinuousLoopOptions, hooks: LoopHooks = {}): Promise<LoopOutcome> {
  let phase: 'warmup' | 'window' | 'grace' = 'warmup';
  // Replaced as the window opens: until then nothing lands in it.
  let counter = new WindowCounter(options.connections, Number.POSITIVE_INFINITY);
  const counts = { warmupAnswers: 0, errors: 0, timeouts: 0, graceAnswered: 0 };
  // An answer belongs to the phase of the moment it arrived: for autocannon that is when it is told,
  // for Locust the worker's own time (its answers reach this process in batches, a little later).
  const edges = { startMs: Number.POSITIVE_INFINITY, endMs: Number.POSITIVE_INFINITY };
  const events = {
    answer(clientId: number, status: number, latencyMs: number, atMs = nowMs()) {
      if (atMs < edges.startMs) counts.warmupAnswers++;
      else if (atMs < edges.endMs) counter.answer(clientId, status, latencyMs, atMs);
      else counts.graceAnswered++;
    },
    failure(_clientId: number, kind: FailureKind, atMs = nowMs()) {
      if (atMs < edges.startMs || atMs >= edges.endMs) return;
      if (kind === 'timeout') counts.timeouts++;
      else counts.errors++;
    },
  };
  const windowMax = options.window.kind === 'fixed' ? options.window.seconds : options.window.maxSeconds;
  const boundSeconds = longestWarmUp(options.warmup) + windowMax + options.graceSeconds;
  const driver = await startDriver({ ...options, boundSeconds }, events);
  let phaseStartMs = nowMs();
  let graceTimer: NodeJS.Timeout | undefined;
  const ticker = setInterval(() => {
    const name = phase === 'warmup' ? 'warm-up' : phase === 'window' ? 'window' : 'graceful end';
    hooks.onProgress?.({ phase: name, seconds: (nowMs() - phaseStartMs) / 1000, servedInWindow: counter.served });
  }, PROGRESS_MS);
  try {
    await driver.ready; // Locust's processes start in seconds: the warm-up counts from its first clients
    const warmupStartMs = nowMs();
    phaseStartMs = warmupStartMs;
    const warmupEnd = await warmUp(options.warmup, () => counts.warmupAnswers);
    phase = 'window';
    const startMs = nowMs();
    counter = new WindowCounter(options.connections, startMs);
    edges.startMs = startMs;
    phaseStartMs = startMs;
    const opened = hooks.onWindowOpen?.();
    opened?.catch(() => {}); // rethrown below, where it is awaited
    const end = await windowEnd(options.window, counter);
    phase = 'grace';
    const endMs = nowMs();
    edges.endMs = endMs;
    phaseStartMs = endMs;
    const outstanding = driver.outstanding();
    // The clients stop sending first, so the close hook's own requests (/stats) do not queue
    // behind new work; the grace time counts from here.
    const finished = driver.finish().then(() => true);
    finished.catch(() => {}); // rethrown by the race below
    const graceOver = new Promise<boolean>((resolve) => {
      graceTimer = setTimeout(() => resolve(false), options.graceSeconds * 1000);
    });
    await opened;
    await hooks.onWindowClose?.();
    const ended = await Promise.race([finished, graceOver]);
    clearTimeout(graceTimer);
    const dropped = ended ? 0 : driver.outstanding();
    await (ended ? driver.close() : driver.abort());
    return {
      startMs,
      endMs,
      seconds: (endMs - startMs) / 1000,
      end,
      counted: counter,
      errors: counts.errors,
      timeouts: counts.timeouts,
      warmupAnswers: counts.warmupAnswers,
      warmupSeconds: (startMs - warmupStartMs) / 1000,
      warmupEnd,
      gracefulEnd: { outstanding, answered: counts.graceAnswered, dropped, graceSeconds: options.graceSeconds },
    };
  } catch (error) {
    await driver.abort();
    throw error;
  } finally {
    clearInterval(ticker);
    clearTimeout(graceTimer);
  }
}
