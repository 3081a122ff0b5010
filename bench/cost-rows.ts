// Figures 6 and 7: the pack's own start-up and the CPU per request of the variants that do the
// loop's work another way, as ratios judged against the targets. Pure.
import { median } from '../loadtests/stats/percentile.ts';
import { compare, type Comparison } from './comparison.ts';
import type { BenchReport, LimitRun } from './model.ts';
import { STARTUP_REFERENCE, TARGETS } from './target-values.ts';

export function startupRows(report: BenchReport): Comparison[] {
  const reference = report.startup.find((row) => row.server === STARTUP_REFERENCE);
  if (reference === undefined) return [];
  return report.startup
    .filter((row) => row !== reference)
    .map((row) =>
      compare({
        figure: 6,
        what: `${row.server} start-up (median)`,
        unit: 'ms',
        measured: median(row.startupMs),
        reference: median(reference.startupMs),
        referenceName: `${STARTUP_REFERENCE} start-up`,
        target: {
          kind: 'ratio-at-most',
          max: row.server === 'cluster' ? TARGETS.startupCluster : TARGETS.startupSingleProcess,
        },
      }),
    );
}

/** Figure 6, the pool: how many of its threads answered before its listening line. */
export function warmThreadRows(report: BenchReport): Comparison[] {
  return report.startup.flatMap((row) =>
    row.warmThreads === null
      ? []
      : [
          compare({
            figure: 6,
            what: `${row.server}: threads that answered before the listening line`,
            unit: 'threads',
            measured: row.warmThreads.answered,
            reference: row.warmThreads.of,
            referenceName: 'its threads',
            target: { kind: 'ratio-at-least', min: 1 },
          }),
        ],
  );
}

/** Figure 7: CPU per request of the variants that do the loop's work another way, against inline's. */
export function cpuAgainstInline(report: BenchReport): Comparison[] {
  const { inline, chunked, libuv } = report.limits;
  const reference = inline.limit.cpuMsPerRequest;
  if (reference === null) return [];
  const row = (run: LimitRun, how: string, target: Comparison['target']): Comparison[] =>
    run.limit.cpuMsPerRequest === null
      ? []
      : [
          compare({
            figure: 7,
            what: `${run.variant} CPU per request, ${how}`,
            unit: 'ms',
            measured: run.limit.cpuMsPerRequest,
            reference,
            referenceName: 'inline CPU per request, same run',
            target,
          }),
        ];
  const tolerance = TARGETS.libuvCpuTolerance;
  return [
    ...row(chunked, 'the loop in slices', { kind: 'ratio-at-most', max: TARGETS.chunkedCpuPerRequest }),
    ...row(libuv, 'pbkdf2 calibrated to the loop', { kind: 'ratio-within', min: 1 - tolerance, max: 1 + tolerance }),
  ];
}
