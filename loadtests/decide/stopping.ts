// The stopping rule of a run that repeats until its comparisons are decided: it looks after each
// block of replicates, with the error spent across all the looks it may take (compare()'s `looks`,
// Bonferroni), and stops when every comparison is decided or the next block would pass its bound.
import { allDecided, type Comparison } from '../stats/compare.ts';

/** Replicates a side needs before a look can say anything: one alone has no spread. */
export const MIN_REPLICATES = 2;

/**
 * Why a run stopped, or that it goes on. 'undecidable': every comparison left open is one no count
 * of runs can decide (a probe censored on both sides), so more blocks would be spent for nothing.
 */
export type Stop =
  | { readonly state: 'decided'; readonly blocks: number }
  | { readonly state: 'undecidable'; readonly blocks: number }
  | { readonly state: 'bound'; readonly blocks: number; readonly reason: string }
  | { readonly state: 'continue' };

export interface Bound {
  /** The most blocks the run may take: what the looks' error is spread over. */
  readonly maxBlocks: number;
  /** The run's wall-time bound, in seconds. */
  readonly maxSeconds: number;
}

/** Looks a run of at most `maxBlocks` blocks takes: one after each block from the MIN_REPLICATES-th on. */
export const looksOf = (maxBlocks: number): number => Math.max(1, maxBlocks - MIN_REPLICATES + 1);

/**
 * After `blocks` blocks, `spentSeconds` in: stop (decided, or at the bound, saying which) or continue.
 * `nextBlockSeconds` is what one more block is expected to take, so a run never starts a block it cannot finish.
 */
export function stopAfter(
  blocks: number,
  comparisons: readonly Comparison[],
  spentSeconds: number,
  nextBlockSeconds: number,
  bound: Bound,
): Stop {
  if (blocks >= MIN_REPLICATES && allDecided(comparisons)) return { state: 'decided', blocks };
  if (blocks >= MIN_REPLICATES && comparisons.every(settled)) return { state: 'undecidable', blocks };
  if (blocks >= bound.maxBlocks) return { state: 'bound', blocks, reason: 'the most blocks allowed' };
  // The time bound spares the first look's blocks: without them nothing at all could be decided.
  if (blocks >= MIN_REPLICATES && spentSeconds + nextBlockSeconds > bound.maxSeconds)
    return { state: 'bound', blocks, reason: `another block would pass the ${bound.maxSeconds} s bound` };
  return { state: 'continue' };
}

/** Decided, or open with no count of runs that could decide it. */
const settled = (comparison: Comparison): boolean =>
  comparison.outcome !== 'inconclusive' || comparison.moreRounds === null;

/** "every comparison decided after 3 blocks" / "stopped … after 4 blocks: …": the run's one line on how it ended. */
export function stopLine(stop: Exclude<Stop, { state: 'continue' }>): string {
  const blocks = `${stop.blocks} block${stop.blocks === 1 ? '' : 's'}`;
  if (stop.state === 'decided') return `every comparison decided after ${blocks}`;
  if (stop.state === 'undecidable') return `stopped after ${blocks}: what is still open no count of runs can decide`;
  return `stopped with comparisons undecided after ${blocks}: ${stop.reason}`;
}

export interface Sequential<T> {
  /** Measures block `block` (0-based) and returns its rows. */
  readonly runBlock: (block: number) => Promise<readonly T[]>;
  /** The comparisons from every row so far, with the looks' error spread (looksOf). */
  readonly compareAll: (rows: readonly T[], looks: number) => readonly Comparison[];
  readonly bound: Bound;
  /** Seconds since the run began. */
  readonly elapsedSeconds: () => number;
}

export interface SequentialResult<T> {
  readonly rows: readonly T[];
  readonly comparisons: readonly Comparison[];
  readonly stop: Exclude<Stop, { state: 'continue' }>;
}

/** Runs blocks until the stopping rule says stop; the next block's cost is taken as the longest so far. */
export async function untilDecided<T>(run: Sequential<T>): Promise<SequentialResult<T>> {
  const looks = looksOf(run.bound.maxBlocks);
  const rows: T[] = [];
  let longestBlockSeconds = 0;
  for (let block = 0; ; block++) {
    const started = run.elapsedSeconds();
    rows.push(...(await run.runBlock(block)));
    longestBlockSeconds = Math.max(longestBlockSeconds, run.elapsedSeconds() - started);
    const comparisons = run.compareAll(rows, looks);
    const stop = stopAfter(block + 1, comparisons, run.elapsedSeconds(), longestBlockSeconds, run.bound);
    if (stop.state !== 'continue') return { rows, comparisons, stop };
  }
}
