// What was measured -> one report row. Pure, like autocannon's aggregateResult: no clock, no
// network, no /proc; the same measurement always gives the same row.
import { maxOpenRequests, originalForm, type WorkEvent } from '../../server/log-line.ts';
import type { ServedInWindow } from '../report/figures.ts';
import type { VariantRun } from '../report/model.ts';
import { AUTOCANNON } from '../report/placement-model.ts';
import { BUCKET_MS } from '../load/window-counter.ts';
import { histogramSummary } from '../report/latency-summary.ts';
import { costInterval } from './cost-per-request.ts';
import type { Measurement } from './measure.ts';
import { overloadFiguresOf } from './overload-figures.ts';
import { timelineOf } from './timeline-from-log.ts';

/** Start/end lines quoted per variant in the report. */
const EXCERPT_LINES = 12;

function servedByProcess(events: readonly WorkEvent[]): { pid: number; served: number }[] {
  const counts = new Map<number, number>();
  for (const event of events)
    if (event.kind === 'End' && event.pid !== null) counts.set(event.pid, (counts.get(event.pid) ?? 0) + 1);
  return [...counts].map(([pid, served]) => ({ pid, served })).sort((a, b) => b.served - a.served);
}

/** The server's own count inside the window: its End lines, else the served counter of /stats. */
function servedByServer(measured: Measurement): ServedInWindow | null {
  if (measured.logged) {
    const { startMs, endMs } = measured.outcome;
    const count = measured.events.filter((e) => e.kind === 'End' && e.atMs >= startMs && e.atMs < endMs).length;
    return { count, source: 'log' };
  }
  return measured.stats === null ? null : { count: measured.stats.served, source: 'stats' };
}

/** The row of a measurement that measure() accepted (a 2xx answer, or under overload only 503/504). */
export function buildRun(measured: Measurement): VariantRun {
  const { subject, settings, limit, stats, window, probe, events, outcome, plan } = measured;
  const { result: load, clients, throughput } = measured.load;
  // Sampled from /proc here when the server's pid is known, else what the server read of itself (a server elsewhere).
  const cpu = window.server ?? stats?.self ?? null;
  const servedCounts = clients.map((client) => client.served);
  const requestsPerSecond = throughput.requestsPerSecond;
  const servedInWindow = servedByServer(measured);
  const mostServed = Math.max(...servedCounts);
  return {
    state: 'measured',
    variant: measured.name,
    repetition: subject.repetition,
    poolSize: subject.poolSize,
    size: subject.size,
    work: subject.work,
    limit,
    percentOfLimit: limit === null ? null : (requestsPerSecond / limit.requestsPerSecond) * 100,
    target: measured.target,
    newConnection: settings.newConnection,
    engine: settings.locust ?? AUTOCANNON,
    connections: settings.connections,
    durationSeconds: load.durationSeconds,
    requests: load.ok,
    requestsPerSecond,
    requestsPerSecondCi95: throughput.state === 'estimated' ? throughput.ci95 : null,
    requestsPerSecondEstimate: throughput.state === 'estimated' ? throughput.estimate : null,
    window: {
      rule: plan.window.kind,
      end: outcome.end.end,
      looks: outcome.end.looks,
      looked: outcome.end.looked,
      rounds: throughput.rounds,
      moreRounds: throughput.state === 'estimated' ? 0 : throughput.moreRounds,
      firstRequestMs: plan.firstRequestMs,
      requestTimeoutSeconds: plan.requestTimeoutSeconds,
      roundSeconds: plan.roundSeconds,
      minRounds: plan.minRounds,
      warmupAnswers: outcome.warmupAnswers,
      warmupSeconds: outcome.warmupSeconds,
      warmupEnd: outcome.warmupEnd,
      gracefulEnd: outcome.gracefulEnd,
    },
    latencyMs: load.latencyMs,
    errors: load.errors,
    timeouts: load.timeouts,
    non2xx: load.non2xx,
    statusCounts: load.statusCounts,
    servedLatencyMs: load.servedLatencyMs,
    latencyPercentiles: measured.load.latencyPercentiles,
    server: {
      maxInFlight: stats?.maxInFlight ?? (measured.logged ? maxOpenRequests(events) : null),
      maxInHandler: stats?.maxInHandler ?? null,
      cpuPercent: cpu?.cpuPercent ?? null,
      threads: cpu?.threads ?? null,
      busyThreads: cpu?.busyThreads ?? null,
      residentBytes: cpu?.residentBytes ?? null,
      eventLoop: stats?.eventLoop ?? null,
      pool: stats?.pool ?? null,
      cpuByProcess: window.serverProcesses,
      cpuSamples: window.samples,
      servedInWindow,
      cpuMsPerServedRequest:
        cpu === null || load.ok === 0 ? null : ((cpu.cpuPercent / 100) * load.durationSeconds * 1000) / load.ok,
      cpuMsPerServedRequestCi95: costInterval(window.samples, outcome.counted.servedPerBucket, BUCKET_MS),
    },
    health: {
      intervalMs: settings.probeIntervalMs,
      sent: probe.sent,
      failed: probe.failed,
      maxOutstanding: probe.maxOutstanding,
      latencyMs: histogramSummary(probe.answered),
      censored: probe.all.censored,
      p99: probe.all.percentile(99),
    },
    neighbours: { generatorCpuPercent: window.generatorCpuPercent, foreignCpuPercent: window.foreignCpuPercent },
    timeline: timelineOf(events, outcome.startMs),
    clients,
    fairness: mostServed > 0 ? Math.min(...servedCounts) / mostServed : null,
    logExcerpt: events.slice(0, EXCERPT_LINES).map(originalForm),
    servedByProcess: servedByProcess(events),
    overload: overloadFiguresOf(measured),
  };
}
