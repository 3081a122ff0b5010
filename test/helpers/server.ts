// Starts real servers for tests, on port 0, with cleanup registered right after the start.
import type { TestContext } from 'node:test';
import { parseServerArgs, type ServerOptions } from '../../server/flags.ts';
import { serverEnv, type VariantName } from '../../server/variants/index.ts';
import { ProcessGroup } from '../../loadtests/process/process-group.ts';
import { startServer, type ServerProcess } from '../../loadtests/process/server-process.ts';
import type { StatsBody } from '../../server/stats.ts';

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

/** Sends one request per client id at the same time and waits for all answers. */
export async function concurrentRequests(server: ServerProcess, clients: number): Promise<number[]> {
  const ids = Array.from({ length: clients }, (_, i) => i + 1);
  return Promise.all(ids.map(async (id) => (await fetch(`${server.baseUrl}/${id}`)).status));
}
