// The throughput a pool of N threads reaches, predicted exactly rather than bounded. Each thread
// cycles through two stations: the cores (C ms of CPU, shared by the OS among the threads that
// want one, `cores` at a time) and a wait of W ms that holds the thread without CPU. That is a
// closed queueing network of a load-dependent processor-sharing station and a delay station; its
// product-form solution (BCMP) does not depend on how C and W are distributed, so fixed costs
// are predicted as well as random ones. The asymptotic bounds overstate throughput near the
// knee: at 17 threads of C 13.7 ms and W 100 ms on 2 cores they promise 100% of the cores, this
// gives 88%, which is what the sweep measured.
import type { WorkCost } from './predict.ts';

const MS_PER_SECOND = 1_000;

/** ln(k!) for k = 0…n, summed once: n is at most a few hundred threads. */
function logFactorials(n: number): number[] {
  const table = [0];
  for (let k = 1; k <= n; k++) table.push(table[k - 1]! + Math.log(k));
  return table;
}

/**
 * req/s of `threads` threads that always have a request to take (more clients than threads): the
 * mean number of busy cores over the stationary distribution, ÷ C.
 */
export function closedThroughput(cost: WorkCost, cores: number, threads: number): number {
  const { computeMs: c, waitMs: w } = cost;
  if (!(c > 0 && cores > 0 && Number.isInteger(threads) && threads >= 1))
    throw new RangeError(
      `need C > 0, cores > 0 and a whole number of threads ≥ 1 (C ${c}, cores ${cores}, threads ${threads})`,
    );
  // No wait: every thread is at the cores.
  if (w <= 0) return (Math.min(threads, cores) / c) * MS_PER_SECOND;
  const lnFact = logFactorials(threads);
  // ln of the unnormalised probability that n threads are at the cores and the rest waiting:
  // C^n / Π min(k, cores) × W^(threads−n) / (threads−n)!; in logs, since C^n overflows at a few hundred.
  const logWeights: number[] = [];
  let logCoreRates = 0;
  for (let n = 0; n <= threads; n++) {
    if (n > 0) logCoreRates += Math.log(Math.min(n, cores));
    logWeights.push(n * Math.log(c) - logCoreRates + (threads - n) * Math.log(w) - lnFact[threads - n]!);
  }
  const top = Math.max(...logWeights);
  let total = 0;
  let busyCores = 0;
  for (const [n, logWeight] of logWeights.entries()) {
    const weight = Math.exp(logWeight - top);
    total += weight;
    busyCores += weight * Math.min(n, cores);
  }
  return (busyCores / total / c) * MS_PER_SECOND;
}

/** What the cores allow at most: cores ÷ C, the plateau every large enough pool reaches. */
export const coresThroughput = (cost: WorkCost, cores: number): number => (cores / cost.computeMs) * MS_PER_SECOND;

/**
 * The smallest pool whose predicted req/s is within `tolerance` of the plateau: the knee by the
 * same rule the sweep reads its measured knee with, so the two can be compared.
 */
export function closedKnee(cost: WorkCost, cores: number, tolerance: number, maxThreads: number): number {
  const floor = coresThroughput(cost, cores) * (1 - tolerance);
  for (let threads = 1; threads < maxThreads; threads++)
    if (closedThroughput(cost, cores, threads) >= floor) return threads;
  return maxThreads;
}
