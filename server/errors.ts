// The catalogue of failures a request can meet, each mapped to its HTTP status in one place.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const CLIENT_ID_RANGE = { min: 1, max: 1_000_000 } as const;

export class ServerError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
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

/** Any failure that is not in the catalogue: the server answers 500 and keeps serving. */
export const internal = (cause: unknown): ServerError =>
  new ServerError(500, 'internal', cause instanceof Error ? cause.message : String(cause));

export function parseClientId(raw: string): number {
  const id = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(id >= CLIENT_ID_RANGE.min && id <= CLIENT_ID_RANGE.max)) throw badClientId(raw);
  return id;
}
