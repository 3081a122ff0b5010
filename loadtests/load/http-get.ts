// One GET (or, with a body, one POST) on Node's own HTTP client (fetch refuses some ports, e.g. 9 and 6000, that a test server
// may get), read whole as text. The caller decides what a status means.
import { type Agent, request as send } from 'node:http';
import { postHeaders } from './load-driver.ts';

export interface GetOptions {
  /** A keep-alive agent to reuse one connection, or false for a connection of its own. */
  readonly agent: Agent | false;
  /** Rejects with code TIMEOUT when no answer came within this; none by default. */
  readonly timeoutMs?: number;
  /** POSTed as JSON (--payload-bytes); absent: a GET. */
  readonly body?: Uint8Array | null;
}

export function getText(url: string, options: GetOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { body } = options;
    const method =
      body === undefined || body === null ? { method: 'GET' } : { method: 'POST', headers: postHeaders(body) };
    const request = send(url, { agent: options.agent, timeout: options.timeoutMs, ...method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    request.on('error', reject);
    request.end(body ?? undefined);
  });
}
