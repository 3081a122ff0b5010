// A size series' knee and contention verdict in words, each computed from the report's numbers:
// the knee against its plateau, and the largest size against the knee by the three-outcome comparison.
import * as format from '../report/format.ts';
import { KNEE_CONFIDENCE, KNEE_TOLERANCE } from '../sizing/plateau-knee.ts';
import type { Comparison } from '../stats/compare.ts';
import { runsText, shareText } from './analyse.ts';
import type { MeasuredKnee } from './model.ts';

const tolerance = `${KNEE_TOLERANCE * 100}%`;

/** What the swept size counts: cluster's --workers are processes, the other sizes threads. */
export const unitsOf = (axis: string): string => (axis === '--workers' ? 'processes' : 'threads');

function plateauText({ axis, best, plateau }: MeasuredKnee): string {
  return plateau.sizes.length === 1
    ? `${axis} ${best} alone, the best measured`
    : `${axis} ${plateau.sizes.join(', ')}: the best, ${best}, and the sizes not shown to differ from it`;
}

export function kneeSentence(knee: MeasuredKnee): string {
  const { variant, axis, size } = knee;
  const plateau = `${format.perSecond(knee.plateau.requestsPerSecond)} req/s`;
  if (!knee.shown) {
    return `${variant}: no size was shown within ${tolerance} of the plateau (${plateau}; ${plateauText(knee)}) with ${runsText(knee.repetitions)}, so the knee is the best measured, ${axis} ${size} (${format.perSecond(knee.requestsPerSecond)} req/s), until more runs (--repeat) decide.`;
  }
  if (knee.plateau.sizes.length === 1 && size === knee.best) {
    const others = knee.unestimated.length > 0 ? 'every other size with an interval' : 'every other size';
    return `${variant}: the knee is ${axis} ${size}: ${format.perSecond(knee.requestsPerSecond)} req/s, the best measured; ${others} was shown to differ from it.`;
  }
  return `${variant}: the knee is ${axis} ${size}: ${format.perSecond(knee.requestsPerSecond)} req/s, at least ${shareText(knee.lowerBound)} of the plateau's ${plateau} at ${KNEE_CONFIDENCE * 100}% confidence (the plateau: ${plateauText(knee)}).`;
}

/** Sizes whose req/s has no interval: named, since the knee and the verdict could not weigh them. */
export function unestimatedSentence({ variant, axis, unestimated }: MeasuredKnee): string | null {
  if (unestimated.length === 0) return null;
  return `${variant} ${axis} ${unestimated.join(', ')}: req/s has no interval (one run of too few rounds for one), so the knee and the contention verdict leave ${unestimated.length === 1 ? 'it' : 'them'} out.`;
}

const ratioText = ({ ratio, ratioCi95 }: Comparison): string =>
  `${format.ratio(ratio)} [${ratioCi95[0].toFixed(2)}–${ratioCi95[1].toFixed(2)}]`;

/**
 * The contention claim ("more threads lose throughput"), decided only by the comparison of the
 * largest size with an interval against the knee; `largestSwept` may be larger, without one.
 */
export function contentionSentence(knee: MeasuredKnee, largestSwept: number, comparison: Comparison | null): string {
  const { variant, axis } = knee;
  const largest = Math.max(...knee.ratios.map((ratio) => ratio.size));
  const more = `more ${unitsOf(axis)}`;
  if (comparison === null) {
    return largestSwept > knee.size
      ? `${variant}: no size past the knee has an interval, so this sweep says nothing about ${more}.`
      : `${variant}: the knee is the largest size swept, so this sweep says nothing about ${more}.`;
  }
  const margin = `±${(comparison.margin * 100).toFixed(0)}%`;
  const served = `${axis} ${largest} served ${ratioText(comparison)} the knee's req/s (${axis} ${knee.size}, 95% interval)`;
  const refuted = `so the contention claim is refuted up to ${largest} on this machine`;
  switch (comparison.outcome) {
    case 'differs':
      return comparison.ratio < 1
        ? `${variant}: ${more} cost throughput: ${served}, a difference, so the contention claim holds at ${largest} on this machine.`
        : `${variant}: ${more} still added throughput: ${served}, a difference, ${refuted}.`;
    case 'equivalent':
      return `${variant}: ${more} did not cost throughput: ${served}, equivalent within ${margin}, ${refuted}.`;
    case 'inconclusive': {
      const needed =
        comparison.moreRounds === null || comparison.moreRounds === undefined
          ? 'no number of runs can be named at this spread'
          : `about ${format.plural(comparison.moreRounds, 'more run')} per size (--repeat) would decide`;
      return `${variant}: whether ${more} cost throughput is undecided: ${served}, neither shown to differ nor equivalent within ${margin}; ${needed}.`;
    }
  }
}
