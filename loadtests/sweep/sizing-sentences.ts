// The sweep report's sentences on sizing: the prediction and what it rests on, the measured knee
// against it, the USL fit with its check against the cores' ceiling and its intervals, and points
// whose warm-up was too short for their threads. Each computed from the report's numbers.
import { describeCores } from '../../server/cores.ts';
import * as format from '../report/format.ts';
import { KNEE_TOLERANCE } from '../sizing/plateau-knee.ts';
import { kneeText, poolKnee, poolSeries, runsText } from './analyse.ts';
import type { Range, SweepReport, UslSummary } from './model.ts';

/** The bar for a prediction worth the name: the measured knee within ±35% of it. */
export const PREDICTION_TOLERANCE = 0.35;

const ms = (value: number): string => `${format.ms(value)} ms`;
/** Coefficients span decades (κ = 0.0000123): three significant digits. */
const coefficient = (value: number): string => (value === 0 ? '0' : value.toPrecision(3));
const range = ({ low, high }: Range, show: (n: number) => string): string => `${show(low)}–${show(high)}`;

function predictionSentence(report: SweepReport): string | null {
  const { prediction } = report;
  if (prediction === null) return null;
  const { computeMs, aloneComputeMs, waitMs, requests, loaded } = prediction.calibration;
  const cores = format.count(prediction.cores.effective);
  const plateau = (prediction.cores.effective / computeMs) * 1000;
  return (
    `Predicted knee: ${prediction.knee} threads, the smallest pool predicted within 5% of the ${format.perSecond(plateau)} req/s the cores allow (${cores} ÷ C), ` +
    `for threads that each spend C ${ms(computeMs)} on the cores, then hold W ${ms(waitMs)} without one. ` +
    `The asymptotic bounds meet at ${kneeText(prediction.boundsKnee)} = ${cores} cores × (C + W) ÷ C${prediction.boundsKnee < prediction.knee - 1 ? ', earlier: near there a closed loop reaches only part of its bound' : ''}. ` +
    `C: the server's CPU per request on a pool of ${loaded.size} saturating the cores (${format.perSecond(loaded.requestsPerSecond)} req/s), against ${ms(aloneComputeMs)} for the fastest of ${format.plural(requests, 'request')} sent alone; ` +
    `W: that request's wall time alone minus its CPU. Cores: ${describeCores(prediction.cores)}. ` +
    `The sweep ran sizes ${prediction.sizes.join(', ')} with ${format.clients(prediction.clients)}, more than the largest size, so the knee can show.`
  );
}

function kneeSentence(report: SweepReport): string | null {
  const knee = poolKnee(report);
  if (knee === undefined) return null;
  const { predictedKnee } = report;
  if (!knee.shown) {
    return `Measured knee: none shown with ${runsText(knee.repetitions)} (the best measured is ${knee.size}), so it is not compared with the prediction.`;
  }
  const measured = `Measured knee: ${knee.size} (the smallest size shown within ${KNEE_TOLERANCE * 100}% of the plateau, ${runsText(knee.repetitions)})`;
  if (predictedKnee === null) return `${measured}.`;
  const ratio = knee.size / predictedKnee;
  const off = ratio === 1 ? 'equal to' : `${Math.abs((ratio - 1) * 100).toFixed(0)}% ${ratio > 1 ? 'above' : 'below'}`;
  const verdict = Math.abs(ratio - 1) <= PREDICTION_TOLERANCE ? 'within' : 'outside';
  return `${measured}, ${off} the predicted ${predictedKnee}: ${verdict} ±${PREDICTION_TOLERANCE * 100}% of the prediction.`;
}

function peakText(usl: UslSummary, largest: number): string {
  if (usl.peakN === null) return 'κ = 0, so the fitted curve has no peak: it only levels off';
  const where = usl.peakN > largest ? `, beyond the largest size swept (${largest}): an extrapolation` : '';
  const interval =
    usl.intervals === null
      ? ''
      : ` (${format.ms(usl.intervals.peakN.low ?? Number.POSITIVE_INFINITY)}–${usl.intervals.peakN.high === null ? 'no peak' : format.ms(usl.intervals.peakN.high)})`;
  return `the fitted curve peaks at N = ${format.ms(usl.peakN)}${interval}${where}`;
}

const pText = (p: number | null): string =>
  p === null ? 'not testable' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(2)}`;

/** A lack-of-fit p below this: the curve misses the points by more than the runs' spread explains. */
const LACK_OF_FIT_ALPHA = 0.05;

/** The USL against the cores' ceiling, and what that allows κ to mean. */
function checkText(usl: UslSummary, largest: number): string {
  const { check } = usl;
  if (check.state === 'unchecked') {
    return ` Not checked against the cores' ceiling: ${check.reason}; so σ, κ and the peak are not read as contention or coherency.`;
  }
  const { ceiling } = check;
  const scores = `AICc ${check.usl.aicc?.toFixed(1)} against ${ceiling.aicc?.toFixed(1)} for the cores' ceiling min(λN, X_max) (λ = ${format.perSecond(ceiling.lambda)}, X_max = ${format.perSecond(ceiling.ceiling)} req/s)`;
  const misfit = (p: number | null): boolean => p !== null && p < LACK_OF_FIT_ALPHA;
  const neither = misfit(check.usl.lackOfFitP) && misfit(ceiling.lackOfFitP) ? ': neither curve fits within it' : '';
  const lackOfFit = `lack of fit against the runs' spread: USL ${pText(check.usl.lackOfFitP)}, ceiling ${pText(ceiling.lackOfFitP)}${neither}`;
  return usl.kappaIsCoherency
    ? ` ${scores}: the USL fits better, so σ is contention, κ coherency, and ${peakText(usl, largest)}; ${lackOfFit}.`
    : ` ${scores}: the USL fits no better than the ceiling, so σ, κ and the curve's peak are not read as contention or coherency; ${lackOfFit}.`;
}

function uslSentence(report: SweepReport): string | null {
  const { usl } = report;
  if (usl === null) return null;
  if (usl.state === 'unfit') return `The Universal Scalability Law could not be fitted: ${usl.reason}.`;
  const largest = Math.max(...(poolSeries(report.series)?.points.map((point) => point.x) ?? [1]));
  const withInterval = (value: number, interval: Range | undefined): string =>
    interval === undefined ? coefficient(value) : `${coefficient(value)} (${range(interval, coefficient)})`;
  const intervals =
    usl.intervals === null
      ? ` No intervals: ${usl.intervalsMissing ?? 'not bootstrapped'}.`
      : ` Intervals: 95% of ${usl.intervals.resamples} parametric bootstrap resamples, each size drawn from the curve with its own measured spread.`;
  const fit = usl.rSquared === null ? '' : `, R² ${usl.rSquared.toFixed(2)}`;
  const weighted = usl.weighted ? "weighted by each size's spread" : 'unweighted, on the medians';
  return (
    `USL fit over ${usl.points} sizes (${weighted}): σ = ${withInterval(usl.sigma, usl.intervals?.sigma)}, ` +
    `κ = ${withInterval(usl.kappa, usl.intervals?.kappa)}, λ = ${format.perSecond(usl.lambda)} req/s for one thread${fit}.` +
    `${checkText(usl, largest)}${intervals}`
  );
}

/** Points whose warm-up ran out of time before its answers came: some threads may have been cold in the window. */
function coldPoints(report: SweepReport): string | null {
  const cold = report.series.flatMap((series) =>
    series.kind !== 'size'
      ? []
      : series.points
          .filter(
            ({ x, run }) =>
              run.window.warmupEnd === 'bounded' || run.window.warmupAnswers < Math.min(x, run.connections),
          )
          .map(
            ({ x, run }) =>
              `${series.axis} ${x} run ${run.repetition} (${run.window.warmupAnswers} answers in ${run.window.warmupSeconds.toFixed(1)} s)`,
          ),
  );
  if (cold.length === 0) return null;
  return `Warm-up: these points' warm-up ended at its bound before ${report.parameters.warmupAnswersPerThread} answers per thread came, so some threads may have served their first, unoptimised requests inside the window: ${cold.join(', ')}.`;
}

export function sizingSentences(report: SweepReport): string[] {
  return [predictionSentence(report), kneeSentence(report), uslSentence(report), coldPoints(report)].filter(
    (line): line is string => line !== null,
  );
}
