// The Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), fitted to measured points
// (N = pool size, X = throughput) by (weighted) nonlinear least squares. σ is contention (the serial
// part), κ coherency (the cost of threads waiting on each other); past N = sqrt((1 − σ) ÷ κ) it falls.

export interface UslPoint {
  readonly n: number;
  readonly throughput: number;
  /** 1 ÷ the variance of throughput: a precise point pulls the curve harder. Absent: 1 (ordinary least squares). */
  readonly weight?: number;
}

export interface UslCoefficients {
  readonly sigma: number;
  readonly kappa: number;
  /** Throughput of one unit (N = 1) without contention, in the points' unit. */
  readonly lambda: number;
}

export type UslFit =
  | (UslCoefficients & {
      readonly state: 'fitted';
      /** sqrt((1 − σ) ÷ κ): where the curve peaks; Infinity when κ = 0 (it only levels off). */
      readonly peakN: number;
      /** 1 − SSE ÷ SST (weighted): how much of the points' spread the curve explains; null when they have none. */
      readonly rSquared: number | null;
      /** Σ weight × residual²: with weights of 1 ÷ variance, the fit's chi-square. */
      readonly weightedSse: number;
      readonly points: number;
    })
  | { readonly state: 'unfit'; readonly reason: string };

export function uslThroughput({ sigma, kappa, lambda }: UslCoefficients, n: number): number {
  return (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

export function uslPeakN(sigma: number, kappa: number): number {
  return kappa === 0 ? Number.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
}

/** [λ, σ, κ]; bounded as the R package usl bounds them: λ ≥ 0, 0 ≤ σ ≤ 1, 0 ≤ κ ≤ 1. */
type Params = [number, number, number];
const LOWER: Params = [0, 0, 0];
const UPPER: Params = [Number.POSITIVE_INFINITY, 1, 1];
/** The starting grid: σ in steps of 0.02, κ = 0 and four steps a decade from 1e-8 to 1. */
const SIGMA_GRID = Array.from({ length: 51 }, (_, i) => i / 50);
const KAPPA_GRID = [0, ...Array.from({ length: 33 }, (_, i) => 10 ** (-8 + i / 4))];
const MAX_ITERATIONS = 500;
const MAX_DAMPING = 1e16;
/** Stop once a step improves the squared error by less than this share of it. */
const RELATIVE_TOLERANCE = 1e-14;

const coefficients = ([lambda, sigma, kappa]: Params): UslCoefficients => ({ lambda, sigma, kappa });
export const weightOf = (point: UslPoint): number => point.weight ?? 1;

function squaredError(points: readonly UslPoint[], params: Params): number {
  const model = coefficients(params);
  return points.reduce(
    (sum, point) => sum + weightOf(point) * (point.throughput - uslThroughput(model, point.n)) ** 2,
    0,
  );
}

/** For fixed σ and κ the model is linear in λ: its least-squares value is Σ w·X·g ÷ Σ w·g², g = X(N) at λ = 1. */
function withBestLambda(points: readonly UslPoint[], sigma: number, kappa: number): Params {
  const shape = points.map((point) => uslThroughput({ sigma, kappa, lambda: 1 }, point.n));
  const lambda =
    points.reduce((sum, point, i) => sum + weightOf(point) * point.throughput * shape[i]!, 0) /
    points.reduce((sum, point, i) => sum + weightOf(point) * shape[i]! ** 2, 0);
  return [lambda, sigma, kappa];
}

/** The best (σ, κ) of a coarse grid, λ solved for each: a start no local minimum can trap far away. */
function gridStart(points: readonly UslPoint[]): Params {
  let best = withBestLambda(points, 0, 0);
  let bestError = squaredError(points, best);
  for (const sigma of SIGMA_GRID) {
    for (const kappa of KAPPA_GRID) {
      const candidate = withBestLambda(points, sigma, kappa);
      const error = squaredError(points, candidate);
      if (error < bestError) [best, bestError] = [candidate, error];
    }
  }
  return best;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const size = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < size; col++) {
    const pivot = m
      .slice(col)
      .reduce((best, row, i) => (Math.abs(row[col]!) > Math.abs(m[best]![col]!) ? col + i : best), col);
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    if (m[col]![col] === 0) return null;
    for (let row = col + 1; row < size; row++) {
      const factor = m[row]![col]! / m[col]![col]!;
      for (let k = col; k <= size; k++) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let rest = m[row]![size]!;
    for (let k = row + 1; k < size; k++) rest -= m[row]![k]! * x[k]!;
    x[row] = rest / m[row]![row]!;
  }
  return x;
}

/** JᵀWr and JᵀWJ of the model at `params`, J = ∂X/∂(λ, σ, κ), r = measured − modelled, W the weights. */
function normalEquations(points: readonly UslPoint[], [lambda, sigma, kappa]: Params) {
  const gradient = [0, 0, 0];
  const curvature = [0, 1, 2].map(() => [0, 0, 0]);
  for (const point of points) {
    const { n, throughput } = point;
    const weight = weightOf(point);
    const denominator = 1 + sigma * (n - 1) + kappa * n * (n - 1);
    const modelled = (lambda * n) / denominator;
    const slope = [n / denominator, -(modelled * (n - 1)) / denominator, -(modelled * n * (n - 1)) / denominator];
    for (let j = 0; j < 3; j++) {
      gradient[j]! += weight * slope[j]! * (throughput - modelled);
      for (let k = 0; k < 3; k++) curvature[j]![k]! += weight * slope[j]! * slope[k]!;
    }
  }
  return { gradient, curvature };
}

/**
 * Levenberg–Marquardt from `start`. A parameter on a bound that the descent direction pushes
 * beyond is held there for the step (κ = 0 for data that only levels off); the others move.
 */
function refine(points: readonly UslPoint[], start: Params): Params {
  let params = start;
  let error = squaredError(points, params);
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS && error > 0; iteration++) {
    const { gradient, curvature } = normalEquations(points, params);
    const free = [0, 1, 2].filter(
      (j) => !((params[j]! <= LOWER[j]! && gradient[j]! <= 0) || (params[j]! >= UPPER[j]! && gradient[j]! >= 0)),
    );
    if (free.length === 0) break;
    let improvement = 0;
    for (; damping < MAX_DAMPING; damping *= 10) {
      const matrix = free.map((j) => free.map((k) => curvature[j]![k]! * (j === k ? 1 + damping : 1)));
      const step = solve(
        matrix,
        free.map((j) => gradient[j]!),
      );
      if (step === null) continue;
      const trial: Params = [...params];
      for (const [i, j] of free.entries()) trial[j] = Math.min(UPPER[j]!, Math.max(LOWER[j]!, params[j]! + step[i]!));
      const trialError = squaredError(points, trial);
      if (trialError < error) {
        improvement = error - trialError;
        [params, error] = [trial, trialError];
        damping /= 10;
        break;
      }
    }
    if (improvement <= RELATIVE_TOLERANCE * error) break;
  }
  return params;
}

function unfitReason(points: readonly UslPoint[]): string | null {
  const bad = points.find(
    (p) => !(Number.isFinite(p.n) && p.n >= 1 && Number.isFinite(p.throughput) && p.throughput > 0 && weightOf(p) > 0),
  );
  if (bad !== undefined)
    return `a point needs N ≥ 1, a positive throughput and weight, got N = ${bad.n}, X = ${bad.throughput}, weight ${weightOf(bad)}`;
  const sizes = new Set(points.map((p) => p.n)).size;
  return sizes < 3 ? `three coefficients need at least 3 different N, got ${sizes}` : null;
}

/**
 * The (weighted) least-squares USL through `points`. How: for fixed (σ, κ) the best λ has a closed form, so a
 * coarse grid over (σ, κ) gives a start near the global minimum whatever the data; Levenberg–
 * Marquardt on (λ, σ, κ) from there, within the bounds, takes it to the minimum's precision.
 */
export function fitUsl(points: readonly UslPoint[]): UslFit {
  const reason = unfitReason(points);
  if (reason !== null) return { state: 'unfit', reason };
  const params = refine(points, gridStart(points));
  const { lambda, sigma, kappa } = coefficients(params);
  const totalWeight = points.reduce((sum, p) => sum + weightOf(p), 0);
  const mean = points.reduce((sum, p) => sum + weightOf(p) * p.throughput, 0) / totalWeight;
  const spread = points.reduce((sum, p) => sum + weightOf(p) * (p.throughput - mean) ** 2, 0);
  const weightedSse = squaredError(points, params);
  return {
    state: 'fitted',
    sigma,
    kappa,
    lambda,
    peakN: uslPeakN(sigma, kappa),
    rSquared: spread > 0 ? 1 - weightedSse / spread : null,
    weightedSse,
    points: points.length,
  };
}
