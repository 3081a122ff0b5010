// Figure 1's reference: node:http answering GET /health exactly as the Hono app does (same body,
// Content-Type and Content-Length), and nothing else. It prints the same JSON listening line as
// server/main.ts, so loadtests/process/server-process.ts starts and stops it the same way.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommanderError } from 'commander';
import { BARE_HOST, parseBarePort } from './bare-flags.ts';
import { HEALTH_BODY, HEALTH_PATH } from './health-route.ts';

const NOT_FOUND_BODY = JSON.stringify({ error: 'not_found' });

function parseOrExit(argv: readonly string[]): number {
  try {
    return parseBarePort(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode); // commander printed the line
    throw error;
  }
}

const port = parseOrExit(process.argv.slice(2));
const server = createServer((request, response) => {
  const found = request.method === 'GET' && request.url === HEALTH_PATH;
  const body = found ? HEALTH_BODY : NOT_FOUND_BODY;
  response.writeHead(found ? 200 : 404, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
});

server.once('error', (error) => {
  process.stderr.write(`error: cannot listen on ${BARE_HOST}:${port}: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, BARE_HOST, () => {
  const line = {
    event: 'listening',
    host: BARE_HOST,
    port: (server.address() as AddressInfo).port,
    pid: process.pid,
    variant: 'bare-node-http',
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
