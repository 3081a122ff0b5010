// Figure 1's reference: node:http answering GET /health exactly as the Hono app does (same body,
// Content-Type and Content-Length), and nothing else. It prints its listening line with the server's
// own announceListening, so loadtests/process/server-process.ts starts and stops it the same way.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST } from '../server/flags.ts';
import { announceListening } from '../server/listening-line.ts';
import { parseOrExit } from '../server/parse-or-exit.ts';
import { parseBarePort } from './bare-flags.ts';
import { HEALTH_BODY, HEALTH_PATH } from './health-route.ts';

const NOT_FOUND_BODY = JSON.stringify({ error: 'not_found' });

const port = parseOrExit(() => parseBarePort(process.argv.slice(2)));
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
  process.stderr.write(`error: cannot listen on ${HOST}:${port}: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, HOST, () => announceListening(HOST, 'bare-node-http', (server.address() as AddressInfo).port));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
