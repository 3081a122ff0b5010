// When a polite client asks again after being turned away: after the server's Retry-After (RFC 9110
// §10.2.3), spread a little so that clients told the same second do not return as one burst; without
// one, exponential backoff with full jitter (the SRE book's client-side throttling). Pure.

/** The answers after which a polite client waits: too many requests, unavailable, gateway timeout. */
export const TURNED_AWAY_STATUSES: readonly number[] = [429, 503, 504];
/** Retry-After is a lower bound: the client waits up to this share longer, at random. */
export const RETRY_AFTER_SPREAD = 0.1;
/** Backoff without Retry-After: the first wait is at most this long, doubling per turn-away in a row. */
export const BACKOFF_BASE_MS = 50;
export const BACKOFF_CAP_MS = 2_000;

/** The header's wait in ms, as delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, nowMs: number): number | null {
  if (header === undefined) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to wait before asking again after `turnedAwayInARow` turn-aways (1 for the first): the
 * server's Retry-After when it gave one, else a random wait up to the capped exponential backoff.
 * `random` returns [0, 1), as Math.random does.
 */
export function retryDelayMs(retryAfter: number | null, turnedAwayInARow: number, random: () => number): number {
  if (retryAfter !== null) return retryAfter * (1 + RETRY_AFTER_SPREAD * random());
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, turnedAwayInARow - 1));
  return ceiling * random();
}
