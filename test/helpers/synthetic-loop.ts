// Synthetic closed loops for the throughput statistics: answer times of clients whose cycles are
// known, so the true rate is known exactly. No server, no clock: seeded and fast.
import { CycleTally } from '../../loadtests/stats/cycle-tally.ts';
import { seededRandom } from '../../loadtests/stats/seeded-random.ts';

export interface Answer {
  readonly clientId: number;
  readonly atMs: number;
}

export interface SyntheticLoop {
  readonly answers: readonly Answer[];
  /** Answers per second in the long run, all clients. */
  readonly trueRate: number;
}

const exponential = (random: () => number, meanMs: number): number => -meanMs * Math.log(1 - random());

/** Each client's cycles independent and exponential with mean `cycleMs`: answers at random, not in step. */
export function poissonLoop(clients: number, cycleMs: number, windowMs: number, seed: number): SyntheticLoop {
  const random = seededRandom(seed);
  const answers: Answer[] = [];
  for (let clientId = 1; clientId <= clients; clientId++)
    for (let at = exponential(random, cycleMs); at < windowMs; at += exponential(random, cycleMs))
      answers.push({ clientId, atMs: at });
  return { answers: answers.sort((a, b) => a.atMs - b.atMs), trueRate: (clients * 1000) / cycleMs };
}

/** Every client's cycle exactly `cycleMs`, each at its own phase. */
export function clockworkLoop(clients: number, cycleMs: number, windowMs: number, seed: number): SyntheticLoop {
  const random = seededRandom(seed);
  const answers: Answer[] = [];
  for (let clientId = 1; clientId <= clients; clientId++)
    for (let at = random() * cycleMs; at < windowMs; at += cycleMs) answers.push({ clientId, atMs: at });
  return { answers: answers.sort((a, b) => a.atMs - b.atMs), trueRate: (clients * 1000) / cycleMs };
}

/**
 * A server that answers in bursts: ticks come at random (exponential gaps of mean `tickMs`) and each
 * answers every client that finished thinking (exponential, mean `thinkMs`) since its last answer,
 * dozens at once. A client's cycle is its think time plus the wait for the next tick, memoryless:
 * thinkMs + tickMs on average.
 */
export function burstyLoop(clients: number, thinkMs: number, tickMs: number, windowMs: number, seed: number) {
  const random = seededRandom(seed);
  const warmMs = 20 * (thinkMs + tickMs);
  const readyAt = Array.from({ length: clients }, () => -warmMs + exponential(random, thinkMs));
  const answers: Answer[] = [];
  for (let tick = -warmMs + exponential(random, tickMs); tick < windowMs; tick += exponential(random, tickMs))
    for (let i = 0; i < clients; i++) {
      if (readyAt[i]! > tick) continue;
      if (tick >= 0) answers.push({ clientId: i + 1, atMs: tick });
      readyAt[i] = tick + exponential(random, thinkMs);
    }
  return { answers, trueRate: (clients * 1000) / (thinkMs + tickMs) };
}

/** A server answering every client at ticks exactly `tickMs` apart, each answer told late by a random delay (a busy client). */
export function jitteredBursts(clients: number, tickMs: number, lateMs: number, windowMs: number, seed: number) {
  const random = seededRandom(seed);
  const answers: Answer[] = [];
  for (let tick = tickMs * random(); tick < windowMs; tick += tickMs)
    for (let clientId = 1; clientId <= clients; clientId++)
      answers.push({ clientId, atMs: tick + exponential(random, lateMs) });
  return { answers: answers.sort((a, b) => a.atMs - b.atMs), trueRate: (clients * 1000) / tickMs };
}

/** The tally of a trace's answers, as the generator would have counted them. */
export function tallyOf(clients: number, answers: readonly Answer[]): CycleTally {
  const tally = new CycleTally(clients);
  for (const answer of answers) tally.answer(answer.clientId, answer.atMs);
  return tally;
}
