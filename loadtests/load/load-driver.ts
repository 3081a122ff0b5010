// What a closed-loop client engine offers the continuous loop: N clients that ask again as soon as
// they are answered, report every answer as it comes, and can end gracefully (each client waits
// for its outstanding answer and sends nothing more) or at once.

export type FailureKind = 'error' | 'timeout';

export interface DriverEvents {
  /**
   * An HTTP answer: its status and how long the client waited for it (fractional ms); `atMs`, when it
   * arrived (epoch ms), where the engine tells it later than it happened (Locust); absent: now.
   */
  answer(clientId: number, status: number, latencyMs: number, atMs?: number): void;
  /** A request that got no answer: a connection error or the request timeout. */
  failure(clientId: number, kind: FailureKind, atMs?: number): void;
}

export interface DriverOptions {
  /** "http://127.0.0.1:8000" */
  readonly origin: string;
  /** The path client `id` asks for. */
  readonly pathOf: (clientId: number) => string;
  readonly connections: number;
  readonly requestTimeoutSeconds: number;
  /** --payload-bytes: every request POSTs these bytes as JSON; absent or null: every request is a GET. */
  readonly body?: Uint8Array | null;
}

export const JSON_CONTENT_TYPE = { 'content-type': 'application/json' } as const;

/** The headers of a POST of `body` as JSON, on node:http (autocannon adds its own Content-Length). */
export function postHeaders(body: Uint8Array): Record<string, string> {
  return { ...JSON_CONTENT_TYPE, 'content-length': String(body.byteLength) };
}

export interface LoadDriver {
  /** Requests sent and not yet answered or failed. */
  outstanding(): number;
  /** Stop sending; resolves once every client has its outstanding answer (or failure). */
  finish(): Promise<void>;
  /** Drop whatever is still outstanding; resolves when every client has stopped. */
  abort(): Promise<void>;
  /**
   * After a graceful finish, once the window's figures are taken: ends the engine's own processes
   * (Locust's). Ending them in finish() raced the sampler's last reading, and their CPU in the window
   * then went missing from the generator's and read as foreign.
   */
  close(): Promise<void>;
}

/** Per-client sent/settled counts, shared by the engines so `outstanding()` means the same in both. */
export class InFlight {
  #sent = 0;
  #settled = 0;
  sent(): void {
    this.#sent++;
  }
  settled(): void {
    this.#settled++;
  }
  count(): number {
    return this.#sent - this.#settled;
  }
}
