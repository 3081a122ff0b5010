// One GET on Node's own HTTP client (fetch refuses some ports, e.g. 9 and 6000, that a test server
// may get), read whole as text. The caller decides what a status means.
import { get, type Agent } from 'node:http';

export interface GetOptions {
  /** A keep-alive agent to reuse one connection, or false for a connection of its own. */
  readonly agent: Agent | false;
  /** Rejects with code TIMEOUT when no answer came within this; none by default. */
  readonly timeoutMs?: number;
}

export function getText(url: string, options: GetOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: options.agent, timeout: options.timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    request.on('error', reject);
  });
}
