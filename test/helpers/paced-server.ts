// A server whose rate is known exactly, for checking the load generator against the truth: it does
// no CPU work and answers on a clock of its own. `serial`: one request per tick of `tickMs`, first
// come first served (one request at a time, each held until its tick); `bursts`: at every tick,
// every request waiting. Ticks are due at fixed times from the start, so a late timer does not
// shift the ones after it: over any stretch the server answers exactly what its clock says. Only
// the clients' paths (/1, /2…) wait for the clock; anything else (the /health bystander, /stats) is
// a 404 at once, so the bystander takes no turn of the clients'.
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';

export interface PacedServer {
  readonly url: string;
}

export async function startPacedServer(
  t: TestContext,
  mode: 'serial' | 'bursts',
  tickMs: number,
): Promise<PacedServer> {
  const waiting: ServerResponse[] = [];
  const server = createServer((request, response) => {
    request.resume();
    if (/^\/\d+$/.test(request.url ?? '')) waiting.push(response);
    else response.writeHead(404).end();
  });
  server.keepAliveTimeout = 60_000;
  const startedMs = performance.now();
  let tick = 0;
  let timer: NodeJS.Timeout | undefined;
  const onTick = (): void => {
    tick++;
    const due = mode === 'serial' ? waiting.splice(0, 1) : waiting.splice(0);
    for (const response of due) response.end('ok');
    timer = setTimeout(onTick, Math.max(0, startedMs + (tick + 1) * tickMs - performance.now()));
  };
  timer = setTimeout(onTick, tickMs);
  t.after(() => {
    clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/{client}` };
}
