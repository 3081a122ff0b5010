// The catalogue of failures a request can meet, each mapped to its HTTP status in one place.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const CLIENT_ID_RANGE = { min: 1, max: 1_000_000 } as const;
/** What a 503 for a full queue tells the client to wait before it asks again. */
export const RETRY_AFTER_SECONDS = 1;

/** The message of whatever was thrown, Error or not. */
export const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

export class ServerError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Sent as the Retry-After header when set. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ServerError';
  }

  toJSON(): { error: string; message: string } {
    return { error: this.code, message: this.message };
  }
}

export const badClientId = (raw: string): ServerError =>
  new ServerError(
    400,
    'bad_client_id',
    `client id must be a whole number from ${CLIENT_ID_RANGE.min} to ${CLIENT_ID_RANGE.max}, got "${raw.slice(0, 40)}"`,
  );

export const notFound = (method: string, path: string): ServerError =>
  new ServerError(404, 'not_found', `no route for ${method} ${path.slice(0, 100)}`);

export const queueFull = (running: number, maxQueue: number): ServerError =>
  new ServerError(
    503,
    'queue_full',
    `all ${running} workers are busy and ${maxQueue} requests already wait (--max-queue); try again later`,
    RETRY_AFTER_SECONDS,
  );

/** Whether an error is the 503 of a full queue: the turn-away that load shedding paces. */
export const isQueueFull = (error: unknown): error is ServerError =>
  error instanceof ServerError && error.code === 'queue_full';

/** The task was taken off the queue before any worker started it. */
export const deadlineQueued = (timeoutMs: number): ServerError =>
  new ServerError(
    503,
    'deadline_queued',
    `no worker was free within ${timeoutMs} ms (--timeout-ms); the request never ran`,
    RETRY_AFTER_SECONDS,
  );

/** Load shedding: the task left the queue with less of its deadline left than a run takes, so it never ran. */
export const deadlineUnreachable = (timeoutMs: number, leftMs: number, runMs: number): ServerError =>
  new ServerError(
    503,
    'deadline_unreachable',
    `${Math.round(leftMs)} ms of the ${timeoutMs} ms deadline (--timeout-ms) were left, a run takes about ${Math.round(runMs)} ms; the request never ran`,
    RETRY_AFTER_SECONDS,
  );

/** The task had been handed to a worker: stopped (its worker is replaced), or, under load shedding, left to finish soon. */
export const deadlineRunning = (timeoutMs: number, stopped = true): ServerError =>
  new ServerError(
    504,
    'deadline_running',
    `the work did not finish within ${timeoutMs} ms (--timeout-ms); ${stopped ? 'it was aborted' : 'answered now, the work runs on a little before it is stopped'}`,
  );

/** The worker threw, or died, while running this request; other requests are not affected. */
export const workerFailed = (cause: unknown): ServerError =>
  new ServerError(500, 'worker_failed', `the worker running this request failed: ${messageOf(cause)}`);

/** The user's --handler threw on this request; the server goes on serving. */
export const handlerFailed = (cause: unknown): ServerError =>
  new ServerError(500, 'handler_failed', `the handler threw: ${messageOf(cause)}`);

export const bodyTooLarge = (maxBytes: number): ServerError =>
  new ServerError(413, 'body_too_large', `a request body may have at most ${maxBytes} bytes`);

/** Any failure that is not in the catalogue: the server answers 500 and keeps serving. */
export const internal = (cause: unknown): ServerError => new ServerError(500, 'internal', messageOf(cause));

export function parseClientId(raw: string): number {
  const id = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(id >= CLIENT_ID_RANGE.min && id <= CLIENT_ID_RANGE.max)) throw badClientId(raw);
  return id;
}
