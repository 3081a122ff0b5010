// The pool size predicted before any sweep: a request costs C ms of CPU and then holds its thread
// W ms without CPU. Asymptotic bounds: throughput ≤ min(clients ÷ (C + W), size ÷ (C + W), cores ÷ C),
// and the last two meet at cores × (C + W) ÷ C (Goetz). A closed loop only approaches the bound
// there, so the knee predicted is the closed network's (closed-network.ts): the smallest size within
// KNEE_TOLERANCE of the plateau, the rule the measured knee is read with. The sweep measures around it.
import { POOL_SIZE_RANGE } from '../../server/flags.ts';
import { KNEE_TOLERANCE } from './plateau-knee.ts';
import { closedKnee } from './closed-network.ts';

export interface WorkCost {
  /** C: CPU milliseconds one request costs. */
  readonly computeMs: number;
  /** W: milliseconds one request holds its thread without CPU (a blocking call). */
  readonly waitMs: number;
}

/** Which resource caps the throughput: too few clients, too small a pool, or the cores. */
export type Bound = 'clients' | 'size' | 'cores';

export interface PredictedPoint {
  readonly size: number;
  /** The asymptotic bound's req/s, and which resource sets it. */
  readonly requestsPerSecond: number;
  readonly bound: Bound;
}

export interface SweepPlan {
  /** The closed network's knee: the smallest pool within KNEE_TOLERANCE of the cores' plateau. */
  readonly knee: number;
  /** cores × (C + W) ÷ C: where the asymptotic bounds meet; not a whole number. */
  readonly boundsKnee: number;
  /** Ascending pool sizes from 1 to about reach × the knee, the knee and a size either side of it among them. */
  readonly sizes: readonly number[];
  /** Clients to run at every size: more than the largest size and at least twice the knee. */
  readonly clients: number;
  /** The bound at each size with that many clients. */
  readonly predicted: readonly PredictedPoint[];
}

export interface SweepShape {
  /** Geometric steps between a size and its double; 2 gives 1, 2, 3, 4, 6, 8, 11, 16, … */
  readonly stepsPerDoubling?: number;
  /** The largest size the server accepts. */
  readonly maxSize?: number;
  /** How far past the knee, as a multiple of it: far enough to see the plateau, or a decline. */
  readonly reach?: number;
}

const MS_PER_SECOND = 1_000;
const DEFAULT_REACH = 4;
const DEFAULT_STEPS_PER_DOUBLING = 2;

function checkInputs(cost: WorkCost, cores: number): void {
  if (!(Number.isFinite(cost.computeMs) && cost.computeMs > 0))
    throw new RangeError(`compute must be a positive number of ms, got ${cost.computeMs}`);
  if (!(Number.isFinite(cost.waitMs) && cost.waitMs >= 0))
    throw new RangeError(`wait must be zero or a positive number of ms, got ${cost.waitMs}`);
  if (!(Number.isFinite(cores) && cores > 0)) throw new RangeError(`cores must be positive, got ${cores}`);
}

/**
 * The asymptotic bound on throughput of a pool of `size` threads driven by `clients` closed-loop
 * clients. On a tie the scarcer resource is named: cores before size before clients.
 */
export function throughputBound(cost: WorkCost, cores: number, size: number, clients: number): PredictedPoint {
  checkInputs(cost, cores);
  const perRequestMs = cost.computeMs + cost.waitMs;
  const bounds: readonly (readonly [Bound, number])[] = [
    ['cores', cores / cost.computeMs],
    ['size', size / perRequestMs],
    ['clients', clients / perRequestMs],
  ];
  const [bound, perMs] = bounds.reduce((lowest, candidate) => (candidate[1] < lowest[1] ? candidate : lowest));
  return { size, requestsPerSecond: perMs * MS_PER_SECOND, bound };
}

/** cores × (C + W) ÷ C: with fewer threads some cores idle while every thread waits. */
export function boundsKnee(cost: WorkCost, cores: number): number {
  checkInputs(cost, cores);
  return (cores * (cost.computeMs + cost.waitMs)) / cost.computeMs;
}

/** The closed network's knee (a whole number of threads), within maxSize. */
export function predictedKnee(cost: WorkCost, cores: number, maxSize: number = POOL_SIZE_RANGE.max): number {
  checkInputs(cost, cores);
  return closedKnee(cost, cores, KNEE_TOLERANCE, maxSize);
}

/** Sizes a fifth below and a quarter above the knee: where a measured knee lands if the prediction is near. */
const NEIGHBOURS = [0.8, 1.25] as const;

/** 1, then geometric steps up to reach × knee (4 unless told), plus the knee and a size either side; within maxSize. */
export function sweepSizes(knee: number, shape: SweepShape = {}): number[] {
  const steps = shape.stepsPerDoubling ?? DEFAULT_STEPS_PER_DOUBLING;
  const maxSize = shape.maxSize ?? POOL_SIZE_RANGE.max;
  const reach = shape.reach ?? DEFAULT_REACH;
  if (!(Number.isInteger(steps) && steps >= 1))
    throw new RangeError(`steps per doubling must be 1 or more, got ${steps}`);
  const nearKnee = [Math.floor(knee), Math.ceil(knee), ...NEIGHBOURS.map((factor) => Math.round(factor * knee))];
  const sizes = new Set(nearKnee.map((size) => Math.max(1, size)));
  for (let step = 0; 2 ** (step / steps) <= reach * knee; step++) sizes.add(Math.round(2 ** (step / steps)));
  return [...sizes].filter((size) => size <= maxSize).sort((a, b) => a - b);
}

/** Enough clients that no swept size starves for work, and that the knee can show. */
export function sweepClients(knee: number, sizes: readonly number[]): number {
  return Math.max((sizes.at(-1) ?? 1) + 1, Math.ceil(2 * knee));
}

/** The knee, the sizes to sweep around it, the clients the sweep needs, and the bound at each size. */
export function planSweep(cost: WorkCost, cores: number, shape: SweepShape = {}): SweepPlan {
  const knee = predictedKnee(cost, cores, shape.maxSize);
  const sizes = sweepSizes(knee, shape);
  const clients = sweepClients(knee, sizes);
  return {
    knee,
    boundsKnee: boundsKnee(cost, cores),
    sizes,
    clients,
    predicted: sizes.map((size) => throughputBound(cost, cores, size, clients)),
  };
}
