// Starts one of the original apps under uvicorn on 127.0.0.1, waits until it reported its
// listening socket and every worker "Application startup complete.", hands its start/end prints to the runner as they arrive, and
// stops the whole process group (workers included), also on failure and Ctrl-C.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { HOST } from '../server/flags.ts';
import { RecordingLog } from '../loadtests/observe/event-log.ts';
import type { ProcessGroup } from '../loadtests/process/process-group.ts';
import { stopChild } from '../loadtests/process/stop-child.ts';
import type { PythonModel } from './rows.ts';
import { MeasurementError } from '../loadtests/observe/measurement-error.ts';

const APP_DIR = fileURLToPath(new URL('.', import.meta.url));
const START_TIMEOUT_MS = 30_000;
/** With one worker uvicorn binds after the app's startup, with several before: wait for both. */
const LISTENING_LINE = 'Uvicorn running on';
const READY_LINE = 'Application startup complete.';
const OUTPUT_TAIL_LINES = 5;

export interface UvicornServer {
  readonly pid: number;
  readonly origin: string;
  readonly log: RecordingLog;
  stop(): Promise<void>;
}

export class UvicornError extends MeasurementError {
  override name = 'UvicornError';
}

/** A port nobody listens on right now; uvicorn 0.17 does not report the port it bound for --port 0. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new UvicornError('could not pick a free port');
  return address.port;
}

/** How one model's uvicorn runs: its app and model, sized, and the loop of every request. */
export interface UvicornSpec {
  readonly model: PythonModel;
  /** The row's name, for its log file. */
  readonly label: string;
  /** uvicorn --workers. */
  readonly workers: number;
  /** POOL_PROCESSES of the process-pool app. */
  readonly poolProcesses: number;
  readonly loopIterations: number;
}

export async function startUvicorn(spec: UvicornSpec, group: ProcessGroup, workDir: string): Promise<UvicornServer> {
  const { model, workers } = spec;
  const port = await freePort();
  const args = [
    '--app-dir',
    APP_DIR,
    `${model.app}:app`,
    '--host',
    HOST,
    '--port',
    String(port),
    '--workers',
    String(workers),
    '--no-access-log',
  ];
  const child = spawn('uvicorn', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() reaches the workers too.
    detached: true,
    env: {
      ...process.env,
      LOOP_ITERATIONS: String(spec.loopIterations),
      POOL_PROCESSES: String(spec.poolProcesses),
      PYTHONDONTWRITEBYTECODE: '1',
    },
  });
  // uvicorn waits for requests in progress on SIGTERM; a loop of a few seconds is not waited for longer.
  const member = { stop: () => stopChild(child, { group: true }) };
  group.add(member);

  const log = new RecordingLog();
  const file = createWriteStream(join(workDir, `${spec.label.replace(/[^\w]+/g, '-')}.log`));
  const tail: string[] = [];
  let ready = 0;
  let listening = false;
  const onReady = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new UvicornError(
            `uvicorn ${model.app} was not ready within ${START_TIMEOUT_MS / 1000} s: ${tail.join(' | ')}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    const read = (line: string): void => {
      log.line(line);
      file.write(`${line}\n`);
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      if (line.includes(LISTENING_LINE)) listening = true;
      if (line.includes(READY_LINE)) ready++;
      if (listening && ready === workers) {
        clearTimeout(timer);
        resolve();
      }
    };
    createInterface({ input: child.stdout! }).on('line', read);
    createInterface({ input: child.stderr! }).on('line', read);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new UvicornError(
          error.code === 'ENOENT'
            ? 'the uvicorn command is not installed (apt-get install uvicorn)'
            : `uvicorn: ${error.message}`,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      setImmediate(() =>
        reject(
          new UvicornError(
            `uvicorn ${model.app} exited during start-up (${signal ?? `code ${code}`}): ${tail.join(' | ')}`,
          ),
        ),
      );
    });
  });
  const stop = async (): Promise<void> => {
    await group.stop(member);
    file.end();
  };
  try {
    await onReady;
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, origin: `http://${HOST}:${port}`, log, stop };
}
