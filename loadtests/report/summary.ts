// One run that stands for a variant's --repeat runs: each figure is its median over the runs (the
// mean of the two middle ones for an even count, as the tables show it), so a sentence quotes the
// number its table cell shows. What has no median (timelines, clients, processes) is the shown run's.
import type { VariantRun } from './model.ts';
import { midpointMedian } from '../stats/percentile.ts';

type Shape = number | string | boolean | null | undefined | readonly unknown[] | { readonly [key: string]: unknown };

const isRecord = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The median of every number in the same place of each value (objects key by key); null when no
 * value has one there. Anything else (text, lists) is taken from the first value that has it.
 */
function medianShape(values: readonly unknown[]): Shape {
  const present = values.filter((value) => value !== null && value !== undefined);
  const first = present[0];
  if (first === undefined) return null;
  if (typeof first === 'number') return midpointMedian(present.filter((v): v is number => typeof v === 'number'));
  if (!isRecord(first)) return first as Shape;
  const records = present.filter(isRecord);
  const keys = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return Object.fromEntries(keys.map((key) => [key, medianShape(records.map((record) => record[key]))]));
}

/** Answers by status: a status a run did not get counts 0 there. */
function statusCounts(runs: readonly VariantRun[]): Record<string, number> {
  const statuses = [...new Set(runs.flatMap((run) => Object.keys(run.statusCounts)))].sort();
  return Object.fromEntries(
    statuses.map((status) => [status, midpointMedian(runs.map((run) => run.statusCounts[status] ?? 0))]),
  );
}

/**
 * `runs` (non-empty) as one run; `pickShown` chooses the run the per-run views show from the
 * median req/s. One run is returned as it is.
 */
export function summaryRun(
  runs: readonly VariantRun[],
  pickShown: (medianRequestsPerSecond: number) => VariantRun,
): { shown: VariantRun; run: VariantRun } {
  const shown = pickShown(midpointMedian(runs.map((run) => run.requestsPerSecond)));
  if (runs.length === 1) return { shown, run: shown };
  // The shown run first, so text and lists come from it.
  const ordered = [shown, ...runs.filter((run) => run !== shown)];
  const over = <T>(pick: (run: VariantRun) => T): T => medianShape(ordered.map(pick)) as T;
  const run: VariantRun = {
    ...shown,
    limit:
      shown.limit === null
        ? null
        : {
            ...over((r) => r.limit)!,
            basis: `the median of ${runs.length} runs; run ${shown.repetition}: ${shown.limit.basis}`,
          },
    percentOfLimit: over((r) => r.percentOfLimit),
    durationSeconds: over((r) => r.durationSeconds),
    requests: over((r) => r.requests),
    requestsPerSecond: over((r) => r.requestsPerSecond),
    latencyMs: over((r) => r.latencyMs),
    errors: over((r) => r.errors),
    timeouts: over((r) => r.timeouts),
    non2xx: over((r) => r.non2xx),
    statusCounts: statusCounts(runs),
    servedLatencyMs: over((r) => r.servedLatencyMs),
    server: {
      ...shown.server,
      maxInFlight: over((r) => r.server.maxInFlight),
      maxInHandler: over((r) => r.server.maxInHandler),
      cpuPercent: over((r) => r.server.cpuPercent),
      threads: over((r) => r.server.threads),
      busyThreads: over((r) => r.server.busyThreads),
      residentBytes: over((r) => r.server.residentBytes),
      eventLoop: over((r) => r.server.eventLoop),
      pool: over((r) => r.server.pool),
    },
    health: {
      ...shown.health,
      sent: over((r) => r.health.sent),
      failed: over((r) => r.health.failed),
      maxOutstanding: over((r) => r.health.maxOutstanding),
      latencyMs: over((r) => r.health.latencyMs),
    },
    neighbours: over((r) => r.neighbours),
    fairness: over((r) => r.fairness),
  };
  return { shown, run };
}
