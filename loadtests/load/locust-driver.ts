// The closed loop on Locust's master/worker mode: a master and N workers (here, or started by hand on
// other machines), the clients in the workers, every answer forwarded by the master as one JSON line
// (locust/locustfile.py). The window, latencies and tallies stay ours, so percentiles come from every
// answer's own time across all workers, never from Locust's rounded, per-worker tables.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ProcessGroup, Stoppable } from '../process/process-group.ts';
import { stopChild } from '../process/stop-child.ts';
import type { DriverEvents, DriverOptions, FailureKind, LoadDriver } from './load-driver.ts';
import type { LocustEngine } from '../report/placement-model.ts';
import { LOCUSTFILE, locustCommand, workerArgv } from './locust-command.ts';

/** The master waits this long for its workers to connect, then gives up (Locust's own bound). */
export const EXPECT_WORKERS_SECONDS = 60;
/** Beyond the loop's own bound: Locust's start and the workers' connection, then its master stops by itself. */
const RUN_TIME_MARGIN_SECONDS = EXPECT_WORKERS_SECONDS + 60;
/** What the runner tails of a process's stderr when it fails. */
const STDERR_TAIL_CHARS = 600;

type Line =
  | { readonly aop: 'ready'; readonly users: number }
  | { readonly aop: 'done'; readonly workers: number }
  | {
      readonly aop: 'answers';
      readonly worker: string;
      readonly sent: number;
      /** [client id, status, response time ms, epoch ms it arrived at the worker] */
      readonly answers: readonly [number, number, number, number][];
      readonly failures: readonly [number, FailureKind, number][];
    };

/** A promise and the functions that settle it (Promise.withResolvers, which Node 20 lacks). */
function settledBy<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** A free TCP port on 127.0.0.1 for the master (Locust does not report a port it chose itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

export async function startLocustDriver(
  options: DriverOptions & { readonly boundSeconds?: number },
  engine: LocustEngine,
  events: DriverEvents,
  group: ProcessGroup | null,
): Promise<LoadDriver & { readonly ready: Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'aop-locust-'));
  const stopFile = join(dir, 'stop');
  const port = await freePort();
  const env = {
    ...process.env,
    AOP_PATH: options.pathOf(Number.NaN).replace('NaN', '{client}'),
    AOP_USERS: String(options.connections),
    AOP_TIMEOUT_S: String(options.requestTimeoutSeconds),
    AOP_STOP_FILE: stopFile,
  };
  const workers = engine.generators + engine.external;
  const bindHost = engine.external > 0 ? '0.0.0.0' : '127.0.0.1';
  const children: Stoppable[] = [];
  const stderr: string[] = [];
  const ready = settledBy<void>();
  const done = settledBy<void>();
  const run = (argv: string[]): ChildProcess => {
    const child = spawn(locustCommand(), ['-f', LOCUSTFILE, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    // A command that could not start (no pid) never exits: there is nothing to stop.
    const member = { stop: () => (child.pid === undefined ? Promise.resolve() : stopChild(child)) };
    children.push(member);
    group?.add(member);
    child.once('error', (error) => {
      done.reject(
        new Error(`cannot start Locust (${locustCommand()}): ${error.message}; make distributed installs it`),
      );
    });
    return child;
  };
  const master = run([
    '--master', '--headless', '--users', String(options.connections), '--spawn-rate', String(options.connections),
    '--expect-workers', String(workers), '--expect-workers-max-wait', String(EXPECT_WORKERS_SECONDS),
    '--master-bind-host', bindHost, '--master-bind-port', String(port),
    '--host', options.origin, '--loglevel', 'WARNING', '--only-summary',
    '--run-time', `${Math.ceil((options.boundSeconds ?? 0) + RUN_TIME_MARGIN_SECONDS)}s`,
  ]); // biome-ignore format: flag/value pairs
  for (let i = 0; i < engine.generators; i++) run(workerArgv('127.0.0.1', port));
  if (engine.external > 0) {
    const line = [locustCommand(), '-f', 'locustfile.py', ...workerArgv('<this machine>', port)].join(' ');
    process.stderr.write(
      `waiting up to ${EXPECT_WORKERS_SECONDS} s for ${engine.external} Locust worker(s): on each other machine, copy ${LOCUSTFILE} and run\n  ${line}\n`,
    );
  }

  const sentByWorker = new Map<string, number>();
  let settled = 0;
  const stopAll = async (): Promise<void> => {
    await Promise.all(children.map((member) => (group === null ? member.stop() : group.stop(member))));
    await rm(dir, { recursive: true, force: true });
  };
  done.promise.catch(() => {}); // rethrown to whoever awaits finish()
  master.once('exit', (code) => {
    const tail = stderr.join('').slice(-STDERR_TAIL_CHARS).trim();
    done.reject(new Error(`the Locust master exited (${code ?? 'signal'}) before its workers were done: ${tail}`));
  });
  createInterface({ input: master.stdout! }).on('line', (text) => {
    if (!text.startsWith('{"aop"')) return;
    const line = JSON.parse(text) as Line;
    if (line.aop === 'ready') ready.resolve();
    else if (line.aop === 'done') done.resolve();
    else {
      sentByWorker.set(line.worker, line.sent);
      for (const [clientId, status, latencyMs, atMs] of line.answers) events.answer(clientId, status, latencyMs, atMs);
      for (const [clientId, kind, atMs] of line.failures) events.failure(clientId, kind, atMs);
      settled += line.answers.length + line.failures.length;
    }
  });
  const sent = (): number => [...sentByWorker.values()].reduce((sum, n) => sum + n, 0);
  return {
    ready: Promise.race([ready.promise, done.promise]),
    outstanding: () => Math.max(0, sent() - settled),
    async finish() {
      await writeFile(stopFile, '');
      await done.promise;
    },
    abort: stopAll,
    close: stopAll,
  };
}
