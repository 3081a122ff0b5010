// Figures 3, 4, 7 and 8: a CPU-bound variant under enough closed-loop clients, as a share of its
// physical limit calibrated on the same server in the same run. Measured by the load runner's own
// runVariant (warm-up, window, then the calibration on the idle server), as a report row would be.
import { availableParallelism } from 'node:os';
import { fixedWindow } from '../loadtests/measure/fixed-window.ts';
import type { Measurement } from '../loadtests/measure/measure.ts';
import { runVariant } from '../loadtests/measure/run-scenario.ts';
import type { ProcessGroup } from '../loadtests/process/process-group.ts';
import { clients } from '../loadtests/report/format.ts';
import { parseServerArgs, SERVER_FLAGS, type ServerOptions } from '../server/flags.ts';
import { variants } from '../server/variants/index.ts';
import type { BenchOptions } from './flags.ts';
import { BenchMeasurementError, loadFigures } from './load.ts';
import type { LimitRun, LimitVariant, ProcessShare } from './model.ts';
import { LIMIT_FIGURE } from './target-values.ts';
import { windowCpu } from './window.ts';
import { announce, type Watch } from '../loadtests/observe/run-progress.ts';

/** Every process of the server's tree, with the requests whose end it logged inside the window. */
function processShares(measured: Measurement): ProcessShare[] {
  const served = new Map<number, number>();
  for (const { kind, pid } of measured.events)
    if (kind === 'End' && pid !== null) served.set(pid, (served.get(pid) ?? 0) + 1);
  return measured.window.serverProcesses.map((entry) => ({
    pid: entry.pid,
    cpuPercent: entry.cpuPercent,
    served: served.get(entry.pid) ?? 0,
  }));
}

export async function measureLimit(
  variant: LimitVariant,
  options: BenchOptions,
  group: ProcessGroup,
  watch: Watch,
): Promise<LimitRun> {
  // The pack's own settings (work lines logged as in `make loadtest`), every size = cores.
  const serverOptions: ServerOptions = {
    ...parseServerArgs([SERVER_FLAGS.variant, variant, SERVER_FLAGS.port, '0']),
    poolSize: availableParallelism(),
    iterations: options.iterations,
  };
  const setting = variants[variant].sizeSetting;
  announce(
    watch,
    `figure ${LIMIT_FIGURE[variant]}: ${variant}, ${options.limitDurationSeconds} s with ${clients(options.limitConnections)}`,
  );
  const measured = await runVariant(
    serverOptions,
    1,
    fixedWindow(options.limitConnections, options.warmupSeconds, options.limitDurationSeconds),
    { group, ...watch },
  );
  if (measured.limit === null)
    throw new BenchMeasurementError(`the ${variant} server's CPU per request could not be calibrated`);
  return {
    variant,
    poolSize: variant === 'pool' ? serverOptions.poolSize : null,
    size: setting === null ? null : { flag: SERVER_FLAGS[setting], value: serverOptions[setting] },
    connections: options.limitConnections,
    iterations: serverOptions.iterations,
    durationSeconds: options.limitDurationSeconds,
    warmupSeconds: options.warmupSeconds,
    limit: measured.limit,
    load: loadFigures(measured.load.result, `the ${variant} server`),
    cpu: windowCpu(measured.window),
    processes: processShares(measured),
  };
}
