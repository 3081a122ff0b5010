// Standard normal deviates from the seeded uniform source: the parametric bootstrap and the tests'
// simulated sweeps draw the same numbers for the same seed.
import { seededRandom } from './seeded-random.ts';

/** Box–Muller on mulberry32: mean 0, standard deviation 1. */
export function seededNormal(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
