// A minimal /health counter for the overload scenario: one probe at a time alongside the load,
// each given a bound. It answers one question, "did /health keep answering?"; it is not a
// latency probe (it shares the runner's event loop with autocannon).

/** Pause between probes. */
export const HEALTH_INTERVAL_MS = 100;
/** A probe not answered 2xx within this counts as unanswered. */
export const HEALTH_TIMEOUT_MS = 1_000;

export interface HealthCount {
  readonly sent: number;
  /** 2xx answers within HEALTH_TIMEOUT_MS. */
  readonly answered: number;
  /** The slowest answered probe; null when none was answered. */
  readonly slowestMs: number | null;
}

async function probeOnce(url: string): Promise<number | null> {
  const startedAt = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.ok ? performance.now() - startedAt : null;
  } catch {
    return null; // refused, reset or too slow: counted as unanswered, which is what is measured
  }
}

/** Probes until `stop` aborts, then resolves with the counts (after the last probe settles). */
export async function countHealthAnswers(baseUrl: string, stop: AbortSignal): Promise<HealthCount> {
  let sent = 0;
  let answered = 0;
  let slowestMs: number | null = null;
  while (!stop.aborted) {
    const tookMs = await probeOnce(`${baseUrl}/health`);
    sent++;
    if (tookMs !== null) {
      answered++;
      slowestMs = Math.max(slowestMs ?? 0, tookMs);
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_INTERVAL_MS));
  }
  return { sent, answered, slowestMs };
}
