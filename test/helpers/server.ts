// Starts real servers for tests, on port 0, with cleanup registered right after the start.
import type { TestContext } from 'node:test';
import { parseServerArgs, type ServerOptions } from '../../server/flags.ts';
import { serverEnv, type VariantName } from '../../server/variants/index.ts';
import { ProcessGroup } from '../../loadtests/process/process-group.ts';
import { startServer, type ServerProcess } from '../../loadtests/process/server-process.ts';
import type { StatsBody } from '../../server/stats.ts';
import type { WorkEvent } from '../../server/log-line.ts';
import { waitFor } from './wait-for.ts';

export async function startTestServer(
  t: TestContext,
  variant: VariantName,
  overrides: Partial<Omit<ServerOptions, 'variant' | 'port'>> = {},
): Promise<ServerProcess> {
  const group = new ProcessGroup();
  t.after(() => group.stopAll());
  // The server's own defaults, with a tiny work unit unless the test asks for more.
  const options: ServerOptions = {
    ...parseServerArgs(['--variant', variant, '--port', '0']),
    iterations: 1_000,
    ...overrides,
  };
  return startServer(options, group, serverEnv(options));
}

export async function getJson<T>(
  server: ServerProcess,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${server.baseUrl}${path}`, init);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export async function stats(server: ServerProcess): Promise<StatsBody> {
  return (await getJson<StatsBody>(server, '/stats')).body;
}

/** Waits until the server's own /stats says `holds`, and returns that body. */
export function statsWhen(
  server: ServerProcess,
  holds: (body: StatsBody) => boolean,
  what: string,
): Promise<StatsBody> {
  return waitFor(async () => {
    const body = await stats(server);
    return holds(body) && body;
  }, what);
}

/** Waits until the server has logged `count` work events since record() (they come through a pipe). */
export function loggedEvents(server: ServerProcess, count: number): Promise<readonly WorkEvent[]> {
  return waitFor(() => {
    const events = server.recorded();
    return events.length >= count && events;
  }, `${count} start/end lines in the server's log`);
}
