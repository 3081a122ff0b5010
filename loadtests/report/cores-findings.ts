// The findings on cores used: how many requests each variant ran at once, on how many cores and
// threads, and for a server of several processes which of them worked. Computed from the numbers.
import * as format from './format.ts';
import type { VariantRun } from './model.ts';

/** Above this CPU% a variant is said to have used more than one core. */
export const MULTI_CORE_PERCENT = 150;
/** At most this CPU% a variant is said to have stayed on about one core; in between, partly on a second. */
export const ONE_CORE_MAX_PERCENT = 120;
/** A process of a multi-process server is said to have worked when it used this share of a core. */
export const WORKING_PROCESS_MIN_PERCENT = 10;
export function concurrency(run: VariantRun): string {
  const { maxInFlight, maxInHandler } = run.server;
  if (maxInFlight === null)
    return `${format.possessive(run.variant)} requests in flight were not measured (no /stats, and its start/end lines were not read)`;
  const source = maxInHandler === null ? 'by its own start/end lines' : `${maxInHandler} inside the handler`;
  if (maxInFlight <= 1) {
    return `${run.variant} ran one request at a time (at most ${maxInFlight} in flight, ${source}): requests were served one after another`;
  }
  return maxInHandler === null
    ? `${run.variant} ran up to ${maxInFlight} requests at once (${source})`
    : `${run.variant} ran up to ${maxInFlight} requests at once (at most ${maxInHandler} inside the handler, queued or running)`;
}

export function cpu(run: VariantRun): string {
  const { cpuPercent, busyThreads, threads } = run.server;
  if (cpuPercent === null)
    return `its CPU was not measured (${run.target !== null && run.target.pid === null ? 'no --target-pid' : 'no /proc on this system'})`;
  return `it used ${format.cores(cpuPercent)} cores (${format.percent(cpuPercent)} CPU) with ${busyThreads} busy of ${format.plural(threads ?? 0, 'thread')}`;
}

export function processes(run: VariantRun, inRun: string): string | null {
  if (run.size?.flag !== '--workers') return null;
  const idle = run.size.value - run.servedByProcess.length;
  const split = run.servedByProcess.map((entry) => entry.served).join(' / ');
  const served = `${run.variant} served from ${run.servedByProcess.length} of its ${format.plural(run.size.value, 'worker process', 'worker processes')}${inRun} (${split} requests)`;
  if (idle <= 0) return `${served}.`;
  const why =
    run.connections < run.size.value
      ? `: ${format.plural(run.connections, 'connection')} for ${run.size.value} workers, and node:cluster hands out connections, not requests`
      : '';
  return `${served}; ${idle} stayed idle${why}.`;
}

/** For a server of several processes: which of them did the work (uvicorn's or a cluster's workers). */
export function processCpu(run: VariantRun, inRun: string): string | null {
  const processes = run.server.cpuByProcess;
  // A single-process variant's tree also holds tsx's idle esbuild helper: not a worker.
  if (processes.length < 2 || (run.target === null && run.size?.flag !== '--workers')) return null;
  const working = processes.filter((entry) => entry.cpuPercent >= WORKING_PROCESS_MIN_PERCENT);
  const named = working.map((entry) => `pid ${entry.pid} ${format.percent(entry.cpuPercent)}`).join(', ');
  return `${run.variant} worked in ${working.length} of its ${format.plural(processes.length, 'process', 'processes')}${inRun} (at least ${WORKING_PROCESS_MIN_PERCENT}% of a core each${working.length > 0 ? `: ${named}` : ''}).`;
}

/** Across variants: which used more than a core, which interleaved, which ran one at a time. */
export function overview(runs: readonly VariantRun[]): string[] {
  const names = (list: readonly VariantRun[]): string => list.map((run) => run.variant).join(', ');
  const cpuRuns = runs.filter((run) => run.work === 'cpu');
  const multiCore = cpuRuns.filter((run) => (run.server.cpuPercent ?? 0) > MULTI_CORE_PERCENT);
  const overlapped = runs.filter((run) => (run.server.maxInFlight ?? 0) > 1);
  const serial = runs.filter((run) => run.server.maxInFlight !== null && run.server.maxInFlight <= 1);
  const unmeasured = cpuRuns.filter((run) => run.server.cpuPercent === null);
  const lines: string[] = [];
  if (runs.length < 2) return lines;
  if (cpuRuns.length > 0) {
    lines.push(
      multiCore.length > 0
        ? `Used more than one core (over ${MULTI_CORE_PERCENT}% CPU): ${names(multiCore)}.`
        : `No variant${unmeasured.length > 0 ? ' whose CPU was measured' : ''} used more than one core (over ${MULTI_CORE_PERCENT}% CPU).`,
    );
    if (unmeasured.length > 0) lines.push(`CPU not measured: ${names(unmeasured)}.`);
  }
  if (overlapped.length > 0) lines.push(`Had more than one request in flight at once: ${names(overlapped)}.`);
  if (serial.length > 0) lines.push(`Served one request at a time: ${names(serial)}.`);
  const cpuOf = (run: VariantRun): number | null => (run.work === 'cpu' ? run.server.cpuPercent : null);
  const partly = runs.filter((run) => {
    const cpu = cpuOf(run);
    return cpu !== null && cpu > ONE_CORE_MAX_PERCENT && cpu <= MULTI_CORE_PERCENT;
  });
  if (partly.length > 0)
    lines.push(
      `Partly used a second core (${ONE_CORE_MAX_PERCENT}–${MULTI_CORE_PERCENT}% CPU): ${partly.map((run) => `${run.variant} (${format.percent(cpuOf(run))})`).join(', ')}.`,
    );
  const interleavedOnOneCore = overlapped.filter((run) => {
    const cpu = cpuOf(run);
    return cpu !== null && cpu <= ONE_CORE_MAX_PERCENT;
  });
  if (interleavedOnOneCore.length > 0)
    lines.push(
      `Interleaved requests yet stayed on about one core (at most ${ONE_CORE_MAX_PERCENT}% CPU): ${names(interleavedOnOneCore)}.`,
    );
  return lines;
}
