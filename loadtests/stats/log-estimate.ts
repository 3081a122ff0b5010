// A positive figure (req/s, a latency) as its logarithm with a standard error and degrees of freedom:
// what a comparison of two figures needs, whichever estimator produced them.
import type { Interval } from './interval.ts';
import { tTwoSided } from './student-t.ts';

export interface LogEstimate {
  /** The figure itself (> 0), e.g. 32.9 req/s. */
  readonly value: number;
  /** Standard error of ln(value). */
  readonly logSe: number;
  /** Degrees of freedom of that standard error (Infinity: known as well as a normal approximation). */
  readonly df: number;
  /** How many independent units (rounds, runs) it rests on: what "n more" counts. */
  readonly units: number;
}

/** From independent replicates of the figure (runs): the geometric mean and its t standard error. */
export function fromReplicates(values: readonly number[]): LogEstimate | null {
  if (values.length < 2 || values.some((v) => !(v > 0))) return null;
  const logs = values.map(Math.log);
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
  const variance = logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1);
  return { value: Math.exp(mean), logSe: Math.sqrt(variance / logs.length), df: logs.length - 1, units: values.length };
}

/** From a figure and its 95% interval (symmetric or not): the interval's log half-width read as t·se. */
export function fromInterval(value: number, ci95: Interval, df: number, units: number): LogEstimate | null {
  if (!(value > 0) || !(ci95[0] > 0) || !(ci95[1] >= ci95[0])) return null;
  const logHalf = (Math.log(ci95[1]) - Math.log(ci95[0])) / 2;
  return { value, logSe: logHalf / tTwoSided(0.95, df), df, units };
}

/** The 95% (or other) interval of the figure itself, back from the log scale. */
export function intervalOf(estimate: LogEstimate, confidence = 0.95): Interval {
  const half = tTwoSided(confidence, estimate.df) * estimate.logSe;
  return [estimate.value * Math.exp(-half), estimate.value * Math.exp(half)];
}
