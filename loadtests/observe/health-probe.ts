// The bystander: a light client that asks GET /health at a fixed pace while the load runs and
// times each answer with sub-millisecond resolution. Open loop: a probe is sent when it is due,
// whether or not earlier ones were answered, so a stalled server shows as long latencies rather
// than as fewer probes.
import { Agent, get } from 'node:http';
import { LatencyHistogram } from '../stats/latency-histogram.ts';

export const DEFAULT_PROBE_INTERVAL_MS = 50;
/** A probe not answered by then is censored: it took at least this long. It never holds the run open. */
export const PROBE_TIMEOUT_MS = 30_000;

export interface ProbeResult {
  readonly sent: number;
  /** The answered probes. */
  readonly answered: LatencyHistogram;
  /** The answered probes and the timed-out ones, censored at PROBE_TIMEOUT_MS. */
  readonly all: LatencyHistogram;
  /** Connection errors, and (unless any status counts) answers other than 200. */
  readonly failed: number;
  /** The most probes that were waiting for an answer at the same time. */
  readonly maxOutstanding: number;
}

export interface RunningProbe {
  /** Stops sending, waits for the probes still out (bounded), and returns what was measured. */
  stop(): Promise<ProbeResult>;
}

/**
 * `anyStatus`: count every answer, whatever its status. A server we did not write may have no
 * /health route; its 404 or 422 still shows how soon it answers.
 */
export function startHealthProbe(
  baseUrl: string,
  intervalMs: number,
  maxProbes: number,
  anyStatus = false,
): RunningProbe {
  const agent = new Agent({ keepAlive: true }); // no socket limit: a probe never queues behind another
  const answered = new LatencyHistogram();
  const all = new LatencyHistogram();
  const pending = new Set<Promise<void>>();
  let failed = 0;
  let sent = 0;
  let maxOutstanding = 0;
  const startedAt = performance.now();

  const probe = (): void => {
    const sentAt = performance.now();
    const done = new Promise<void>((resolve) => {
      const request = get(`${baseUrl}/health`, { agent, timeout: PROBE_TIMEOUT_MS }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200 || anyStatus) {
            answered.record(performance.now() - sentAt);
            all.record(performance.now() - sentAt);
          } else failed++;
          resolve();
        });
      });
      let timedOut = false;
      request.on('timeout', () => {
        timedOut = true;
        request.destroy(new Error('probe timed out'));
      });
      request.on('error', () => {
        if (timedOut) all.recordCensored(PROBE_TIMEOUT_MS);
        else failed++;
        resolve();
      });
    });
    pending.add(done);
    maxOutstanding = Math.max(maxOutstanding, pending.size);
    void done.then(() => pending.delete(done));
  };

  // Each probe is scheduled for its own due time, so a late timer does not shift the ones after it.
  let timer: NodeJS.Timeout | undefined;
  const scheduleNext = (): void => {
    if (sent >= maxProbes) return;
    const dueAt = startedAt + sent * intervalMs;
    timer = setTimeout(
      () => {
        sent++;
        probe();
        scheduleNext();
      },
      Math.max(0, dueAt - performance.now()),
    );
  };
  scheduleNext();

  return {
    async stop() {
      clearTimeout(timer);
      await Promise.all(pending);
      agent.destroy();
      return { sent, answered, all, failed, maxOutstanding };
    },
  };
}
