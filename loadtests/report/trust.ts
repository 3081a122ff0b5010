// What makes a row's numbers trustworthy, as cells and sentences: req/s with its interval, the
// window (how it was set and ended, its graceful end), the server's own count against the
// clients', and a limit that the row exceeded beyond its interval. Pure: report in, text out.
import * as format from './format.ts';
import { comparisonSentence } from '../document/phrases.ts';
import { compareRows, groupRows, METRICS } from './comparisons.ts';
import type { Report, VariantRun } from './model.ts';
import { groupByVariant, measuredRuns } from './runs.ts';
import { notSteadyReason, roundsHeld } from './steady.ts';
import { type Table, tableFrom } from '../document/model.ts';

/** "52.9 ±1.2": req/s and half its 95% interval; the bare rate when there is no interval. */
export function rateWithInterval(run: Pick<VariantRun, 'requestsPerSecond' | 'requestsPerSecondCi95'>): string {
  const ci = run.requestsPerSecondCi95;
  if (ci === null) return format.perSecond(run.requestsPerSecond);
  // Slow rates (a request of a second or more) need hundredths to show their interval at all.
  const digits = run.requestsPerSecond < 10 ? 2 : 1;
  return `${run.requestsPerSecond.toFixed(digits)} ±${((ci[1] - ci[0]) / 2).toFixed(digits)}`;
}

/** % of limit of the interval's low end: above 100 means the limit cannot be a limit. */
function overLimit(run: VariantRun): boolean {
  const ci = run.requestsPerSecondCi95;
  if (run.limit === null || ci === null) return false;
  return ci[0] > run.limit.requestsPerSecond;
}

/** The % of limit cell: never a figure above 100% that the interval cannot explain. */
export function percentOfLimitCell(run: VariantRun): string | null {
  return overLimit(run) ? 'calibration defect' : null;
}

const ended = (run: VariantRun): string =>
  run.window.rule === 'fixed' ? 'fixed length' : run.window.end === 'converged' ? 'enough answers' : 'hit its bound';

/** The server's count against the clients': off by more than the connections is a defect. */
/** "4.2 (65)", or "60.0 (12, bounded)" when the warm-up ran out of time before its answers came. */
function warmUpText(window: VariantRun['window']): string {
  const bounded = window.warmupEnd === 'bounded' ? ', bounded' : '';
  return `${window.warmupSeconds.toFixed(1)} (${window.warmupAnswers}${bounded})`;
}

/** "10.0", or "320.0 (2.0 rounds, 2 asked)" when the window was asked for rounds. */
function windowSeconds(run: VariantRun): string {
  const { minRounds } = run.window;
  const seconds = run.durationSeconds.toFixed(1);
  return minRounds === null ? seconds : `${seconds} (${roundsHeld(run).toFixed(1)} rounds, ${minRounds} asked)`;
}

function disagreement(run: VariantRun): number | null {
  const server = run.server.servedInWindow;
  return server === null ? null : server.count - run.requests;
}

export function windowTable(report: Report): Table {
  const of = (run: VariantRun): string => (report.parameters.repeat > 1 ? ` (run ${run.repetition})` : '');
  return tableFrom(measuredRuns(report), [
    { header: 'variant', align: 'left', cell: (run) => `${run.variant}${of(run)}` },
    { header: 'first request ms', cell: (run) => format.ms(run.window.firstRequestMs) },
    { header: 'window s', cell: windowSeconds },
    { header: 'window ended', align: 'left', cell: ended },
    { header: 'warm-up s (answers)', cell: (run) => warmUpText(run.window) },
    { header: 'answered in window (clients)', cell: (run) => String(run.requests) },
    {
      header: 'served in window (server)',
      cell: ({ server: { servedInWindow: server } }) =>
        server === null ? format.NOT_MEASURED : `${server.count} (${server.source === 'log' ? 'End lines' : '/stats'})`,
    },
    {
      header: 'outstanding at end / answered / dropped',
      cell: ({ window: { gracefulEnd: grace } }) => `${grace.outstanding} / ${grace.answered} / ${grace.dropped}`,
    },
  ]);
}

function runSentences(run: VariantRun): string[] {
  const sentences: string[] = [];
  const off = disagreement(run);
  if (off !== null && Math.abs(off) > run.connections)
    sentences.push(
      `${run.variant}: the server counted ${run.server.servedInWindow?.count} requests served in the window, the clients ${run.requests}: a difference of ${Math.abs(off)}, more than the ${format.clients(run.connections)} in transit can explain. Do not trust this row.`,
    );
  if (overLimit(run) && run.limit !== null) {
    const calibration = run.limit.calibration;
    const spread =
      calibration === null
        ? ''
        : ` (${calibration.requests} single requests, ${format.ms(calibration.minMs)}–${format.ms(calibration.maxMs)} ms)`;
    const inWindow =
      run.server.cpuMsPerServedRequest === null
        ? ''
        : `; in the window a served request cost ${format.ms(run.server.cpuMsPerServedRequest)} ms of server CPU`;
    sentences.push(
      `${run.variant} served more than its limit beyond its interval (${rateWithInterval(run)} vs ${format.perSecond(run.limit.requestsPerSecond)} req/s): the calibration of ${format.ms(run.limit.cpuMsPerRequest ?? 0)} ms CPU per request${spread} overstates the cost${inWindow}. Its % of limit is not a result.`,
    );
  }
  if (run.window.end === 'max-duration')
    sentences.push(
      `${run.variant}: the automatic window hit its bound of ${run.durationSeconds.toFixed(0)} s before every client had its answers and req/s its ±5%: read its interval, not just its rate.`,
    );
  const unsteady = notSteadyReason(run);
  if (unsteady !== null)
    sentences.push(`${run.variant} is not steady state: ${unsteady}; its latencies are of a first round.`);
  if (run.window.gracefulEnd.dropped > 0)
    sentences.push(
      `${run.variant}: ${run.window.gracefulEnd.dropped} of the ${run.window.gracefulEnd.outstanding} requests outstanding when the window closed got no answer within ${run.window.gracefulEnd.graceSeconds} s; they were dropped, and the server may still have worked on them after the row.`,
    );
  return sentences;
}

/** Pairs of variants other than the baseline that this run finds equivalent or cannot yet tell apart. */
export function indistinguishable(report: Report): string[] {
  // Pairs with the baseline are said where each row is compared with it (findings.ts).
  const groups = groupByVariant(report).filter((group) => group.variant !== report.baseline);
  const margin = report.parameters.equivalenceMargin;
  const sentences: string[] = [];
  for (const [i, a] of groups.entries())
    for (const b of groups.slice(i + 1)) {
      const compared = compareRows(groupRows(a), groupRows(b), METRICS[0]!, margin);
      if (compared !== null && compared.outcome !== 'differs') sentences.push(`${comparisonSentence(compared)}.`);
    }
  return sentences;
}

/** What flags a row: counts that disagree, a limit exceeded, a window at its bound, not steady, dropped requests. */
export function rowFlags(report: Report): string[] {
  return measuredRuns(report).flatMap(runSentences);
}
