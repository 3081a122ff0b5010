// Figures 3 and 4: a CPU-bound variant under enough closed-loop clients, as a share of its
// physical limit calibrated on the same server in the same run (loadtests/limit.ts).
import { availableParallelism } from 'node:os';
import { calibrateCpuMsPerRequest } from '../loadtests/observe/calibrate.ts';
import { runClosedLoop } from '../loadtests/load/closed-loop.ts';
import { physicalLimit } from '../loadtests/observe/limit.ts';
import type { ProcessGroup } from '../loadtests/process/process-group.ts';
import { drain } from '../loadtests/measure/measure.ts';
import { spawnedTarget } from '../loadtests/process/target.ts';
import { OWN_PATH_TEMPLATE } from '../loadtests/load/target-url.ts';
import { startServer } from '../loadtests/process/server-process.ts';
import { parseServerArgs, serverEnv, SERVER_FLAGS, type ServerOptions } from '../server/flags.ts';
import { variants } from '../server/variants/index.ts';
import type { BenchOptions } from './flags.ts';
import { loadFigures } from './load.ts';
import type { LimitRun } from './model.ts';
import { measureWindow } from './window.ts';

export async function measureLimit(
  variant: LimitRun['variant'],
  options: BenchOptions,
  group: ProcessGroup,
  say: (line: string) => void,
): Promise<LimitRun> {
  const cores = availableParallelism();
  // The pack's own settings (work lines logged as in `make loadtest`), pool-size = cores.
  const serverOptions: ServerOptions = {
    ...parseServerArgs([SERVER_FLAGS.variant, variant, SERVER_FLAGS.port, '0']),
    poolSize: cores,
    iterations: options.iterations,
  };
  const server = await startServer(serverOptions, group, serverEnv(serverOptions));
  try {
    const load = (durationSeconds: number) =>
      runClosedLoop({
        origin: server.baseUrl,
        pathTemplate: OWN_PATH_TEMPLATE,
        connections: options.limitConnections,
        durationSeconds,
        newConnection: false,
        showProgress: false,
      });
    const target = spawnedTarget(variant, server);
    if (options.warmupSeconds > 0) {
      await load(options.warmupSeconds);
      await drain(target);
    }
    const cpuMsPerRequest = await calibrateCpuMsPerRequest(target);
    if (cpuMsPerRequest === null) throw new Error(`the ${variant} server's CPU per request could not be calibrated`);
    const limit = physicalLimit({
      work: 'cpu',
      cores,
      parallelism: variants[variant].parallelism(serverOptions),
      connections: options.limitConnections,
      cpuMsPerRequest,
      ioMs: serverOptions.ioMs,
    });
    say(
      `figure ${variant === 'pool' ? 3 : 4}: ${variant}, ${options.limitDurationSeconds} s with ${options.limitConnections} clients; limit ${limit.requestsPerSecond.toFixed(1)} req/s`,
    );
    const { value, cpu } = await measureWindow(server.pid, () => load(options.limitDurationSeconds));
    return {
      variant,
      poolSize: variant === 'pool' ? serverOptions.poolSize : null,
      connections: options.limitConnections,
      iterations: serverOptions.iterations,
      durationSeconds: options.limitDurationSeconds,
      warmupSeconds: options.warmupSeconds,
      limit,
      load: loadFigures(value.result, `the ${variant} server`),
      cpu,
    };
  } finally {
    await server.stop();
  }
}
