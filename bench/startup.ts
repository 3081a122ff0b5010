// Figure 6: spawn to listening line for every variant and for bare node:http, the reference;
// then spawn to the answers of the first requests, one per core at once, which also counts
// threads a server loads after its listening line. Servers start round-robin, one at a time.
import { get } from 'node:http';
import { availableParallelism } from 'node:os';
import type { ProcessGroup } from '../loadtests/process/process-group.ts';
import { startServer, type ServerProcess } from '../loadtests/process/server-process.ts';
import { IO_MS_RANGE, ITERATIONS_RANGE, parseServerArgs, SERVER_FLAGS } from '../server/flags.ts';
import { serverEnv, variantNames } from '../server/variants/index.ts';
import { startBareServer } from './framework.ts';
import { HEALTH_PATH } from './health-route.ts';
import type { StartupRow } from './model.ts';
import { announce, type Watch } from '../loadtests/observe/run-progress.ts';
import { snapshot, totalCpuMs } from '../loadtests/observe/proc-snapshot.ts';
import { BenchMeasurementError } from './load.ts';
import type { StatsBody } from '../server/stats.ts';
import { STARTUP_REFERENCE } from './target-values.ts';

/** Start-up is not about the work: the smallest work unit and wait the server accepts. */
const STARTUP_WORK = [
  SERVER_FLAGS.iterations,
  String(ITERATIONS_RANGE.min),
  SERVER_FLAGS.ioMs,
  String(IO_MS_RANGE.min),
];

interface Starter {
  readonly server: string;
  readonly path: string;
  start(): Promise<ServerProcess>;
}

function starters(group: ProcessGroup): Starter[] {
  return [
    { server: STARTUP_REFERENCE, path: HEALTH_PATH, start: () => startBareServer(group) },
    ...variantNames.map((variant) => ({
      server: variant,
      path: '/1',
      start: () => {
        const flags = [SERVER_FLAGS.variant, variant, SERVER_FLAGS.port, '0', ...STARTUP_WORK, SERVER_FLAGS.quiet];
        const options = parseServerArgs(flags);
        return startServer(options, group, serverEnv(options));
      },
    })),
  ];
}

/** One GET on a fresh connection; resolves with its body, rejects on anything but 200. */
function answered(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        response.statusCode === 200
          ? resolve(Buffer.concat(chunks).toString())
          : reject(new Error(`${url} answered ${response.statusCode}`)),
      );
    }).on('error', reject);
  });
}

/** A pool's /stats: how many of its threads answered before it printed its listening line. */
async function warmThreads(server: ServerProcess): Promise<StartupRow['warmThreads']> {
  const { settings } = JSON.parse(await answered(`${server.baseUrl}/stats`)) as StatsBody;
  const { threadsAnswered, poolSize } = settings;
  return typeof threadsAnswered === 'number' && typeof poolSize === 'number'
    ? { answered: threadsAnswered, of: poolSize }
    : null;
}

export async function measureStartup(startups: number, group: ProcessGroup, watch: Watch): Promise<StartupRow[]> {
  const rows = starters(group).map((starter) => ({
    starter,
    startupMs: [] as number[],
    startupCpuMs: [] as number[],
    firstAnswersMs: [] as number[],
    warmThreads: null as StartupRow['warmThreads'],
  }));
  const requests = availableParallelism();
  for (let attempt = 1; attempt <= startups; attempt++) {
    announce(watch, `figure 6: start-up, round ${attempt}/${startups}`);
    for (const row of rows) {
      const server = await row.starter.start();
      try {
        const tree = await snapshot(server.pid);
        if (tree === null)
          throw new BenchMeasurementError(`cannot read the CPU time of ${row.starter.server} in /proc`);
        row.startupCpuMs.push(totalCpuMs(tree));
        const listeningAt = performance.now();
        await Promise.all(Array.from({ length: requests }, () => answered(`${server.baseUrl}${row.starter.path}`)));
        row.startupMs.push(server.startupMs);
        row.firstAnswersMs.push(server.startupMs + performance.now() - listeningAt);
        if (row.starter.server === 'pool') row.warmThreads = await warmThreads(server);
      } finally {
        await server.stop();
      }
    }
  }
  return rows.map((row) => ({
    server: row.starter.server,
    startupMs: row.startupMs,
    startupCpuMs: row.startupCpuMs,
    firstAnswersMs: row.firstAnswersMs,
    warmThreads: row.warmThreads,
  }));
}
