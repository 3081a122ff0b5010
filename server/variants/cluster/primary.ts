// The primary of the cluster variant: forks --workers processes that each serve the app and run
// the loop inline, keeps their shared request tally, announces once all listen, replaces a
// worker that dies, and on SIGTERM/SIGINT lets every worker finish its requests before exiting.
import cluster, { type Worker } from 'node:cluster';
import type { ServerOptions } from '../../flags.ts';
import { ConcurrencyGauge } from '../../gauge.ts';
import { announceListening } from '../../listening-line.ts';
import { closingMessage, stopOnSignals } from '../../shutdown.ts';
import { countersOf, RequestStats, type VariantSettings } from '../../stats.ts';
import { isWorkerMessage, type PrimaryMessage } from './messages.ts';

/** What the primary's listening line and every worker's /stats report. */
export function clusterSettings(options: ServerOptions): VariantSettings {
  // Each worker runs the loop on its event loop, like inline: nothing can abort it.
  return {
    workers: options.workers,
    iterations: options.iterations,
    blockingIoMs: options.blockingIoMs,
    abortable: false,
  };
}

export async function runClusterPrimary(options: ServerOptions): Promise<void> {
  const gauge = new ConcurrencyGauge();
  const requests = new RequestStats();
  const reply = (worker: Worker, id: number): void => {
    const message: PrimaryMessage = { aop: 'counters', id, counters: countersOf(gauge, requests) };
    worker.send(message);
  };

  cluster.on('message', (worker, message: unknown) => {
    if (!isWorkerMessage(message)) return;
    switch (message.aop) {
      case 'enter':
        requests.begin();
        gauge.enter();
        return;
      case 'leave':
        gauge.leave();
        requests.end(message.ok);
        return;
      case 'read':
        return reply(worker, message.id);
      case 'reset':
        gauge.reset();
        requests.reset();
        return reply(worker, message.id);
    }
  });

  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    listening++;
    if (listening === options.workers)
      announceListening(options.host, options.variant, address.port, clusterSettings(options));
  });

  const workers = (): Worker[] =>
    Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  const killAll = (): void => {
    for (const worker of workers()) worker.process.kill('SIGKILL');
  };
  const stopping = stopOnSignals({
    close(signal) {
      const running = workers();
      process.stderr.write(closingMessage(signal, `${running.length} workers`));
      if (running.length === 0) process.exit(0);
      // disconnect() closes each worker's server after its in-flight requests, then it exits.
      for (const worker of running) worker.disconnect();
    },
    cutAfterGrace: killAll,
    abandon: killAll,
  });

  cluster.on('exit', (worker, code, signal) => {
    if (stopping()) {
      if (workers().length === 0) process.exit(0);
      return;
    }
    process.stderr.write(
      `cluster worker ${worker.process.pid} died (${signal ?? `code ${code}`}); starting a new one\n`,
    );
    cluster.fork();
  });

  for (let i = 0; i < options.workers; i++) cluster.fork();
}
