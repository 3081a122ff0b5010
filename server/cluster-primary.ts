// The primary of the cluster variant: forks --workers processes that each serve the app and run
// the loop inline, keeps their shared request tally, announces once all listen, replaces a
// worker that dies, and on SIGTERM/SIGINT lets every worker finish its requests before exiting.
import cluster, { type Worker } from 'node:cluster';
import { isWorkerMessage, type PrimaryMessage } from './cluster-messages.ts';
import type { ServerOptions } from './flags.ts';
import { ConcurrencyGauge } from './gauge.ts';
import { announceListening, SHUTDOWN_GRACE_MS } from './serve.ts';
import { countersOf, RequestStats } from './stats.ts';

export async function runClusterPrimary(options: ServerOptions): Promise<void> {
  const gauge = new ConcurrencyGauge();
  const requests = new RequestStats();
  const settings = { workers: options.workers, iterations: options.iterations, abortable: false };
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
    if (listening === options.workers) announceListening(options, address.port, settings);
  });

  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(
      `cluster worker ${worker.process.pid} died (${signal ?? `code ${code}`}); starting a new one\n`,
    );
    cluster.fork();
  });

  const stop = (signal: NodeJS.Signals): void => {
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (stopping) {
      for (const worker of workers) worker.process.kill('SIGKILL');
      process.exit(130); // a second signal: leave at once
    }
    stopping = true;
    process.stderr.write(
      `${signal}: closing ${workers.length} workers (in-flight requests get up to ${SHUTDOWN_GRACE_MS / 1000} s)\n`,
    );
    if (workers.length === 0) process.exit(0);
    // disconnect() closes each worker's server after its in-flight requests, then it exits.
    for (const worker of workers) worker.disconnect();
    setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  for (let i = 0; i < options.workers; i++) cluster.fork();
}
