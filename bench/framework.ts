// Figure 1: the project's Hono server vs bare node:http on /health, same autocannon settings,
// alternated A B A B so drift on a shared machine hits both alike.
import { fileURLToPath } from 'node:url';
import { runClosedLoop } from '../loadtests/load/closed-loop.ts';
import type { ProcessGroup } from '../loadtests/process/process-group.ts';
import { plural } from '../loadtests/report/format.ts';
import { startListening, startServer, type ServerProcess } from '../loadtests/process/server-process.ts';
import { parseServerArgs, SERVER_FLAGS } from '../server/flags.ts';
import { HEALTH_PATH } from './health-route.ts';
import { bareArgv } from './bare-flags.ts';
import type { BenchOptions } from './flags.ts';
import { loadFigures } from './load.ts';
import type { FrameworkFigure, FrameworkRun } from './model.ts';
import { pinApart } from './pinning.ts';
import { measureWindow } from './window.ts';
import { announce, type Watch } from '../loadtests/observe/run-progress.ts';

export const BARE_SERVER = fileURLToPath(new URL('./bare-http-server.ts', import.meta.url));

export function startBareServer(group: ProcessGroup): Promise<ServerProcess> {
  return startListening({ path: BARE_SERVER, argv: bareArgv(0), label: 'the bare node:http server' }, group);
}

export async function measureFramework(
  options: BenchOptions,
  group: ProcessGroup,
  watch: Watch,
): Promise<FrameworkFigure> {
  const servers: { name: FrameworkRun['server']; process: ServerProcess }[] = [];
  let restore = async (): Promise<void> => {};
  try {
    servers.push({
      name: 'hono',
      process: await startServer(parseServerArgs([SERVER_FLAGS.port, '0', SERVER_FLAGS.quiet]), group),
    });
    servers.push({ name: 'bare', process: await startBareServer(group) });
    // Both servers on the same core, the generator on another, for the whole figure.
    const pinned = await pinApart(servers.map((server) => server.process.pid));
    restore = pinned.restore;
    const load = (server: ServerProcess, durationSeconds: number) =>
      runClosedLoop({
        origin: server.baseUrl,
        path: HEALTH_PATH,
        connections: options.connections,
        durationSeconds,
      });
    if (options.warmupSeconds > 0) {
      watch.progress.step(`figure 1: warm-up, ${options.warmupSeconds} s per server`);
      for (const server of servers) await load(server.process, options.warmupSeconds);
    }
    const runs: FrameworkRun[] = [];
    for (let pair = 1; pair <= options.pairs; pair++) {
      for (const server of servers) {
        announce(
          watch,
          `figure 1: pair ${pair}/${options.pairs}, ${server.name}, ${options.durationSeconds} s with ${plural(options.connections, 'connection')}`,
        );
        const { value, cpu } = await measureWindow(server.process.pid, () =>
          load(server.process, options.durationSeconds),
        );
        runs.push({ server: server.name, pair, load: loadFigures(value.result, `the ${server.name} server`), cpu });
      }
    }
    return {
      pinning: pinned.pinning,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      runs,
    };
  } finally {
    await restore();
    for (const server of servers) await server.process.stop();
  }
}
