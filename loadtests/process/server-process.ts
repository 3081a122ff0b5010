// Starts one server as a child process, waits for its "listening" line, collects the work
// events it logs, and stops it (SIGTERM, then SIGKILL if it does not exit within a bound).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serverArgv, type ServerOptions } from '../../server/flags.ts';
import { parseListeningPort } from '../../server/listening-line.ts';
import type { WorkEvent } from '../../server/log-line.ts';
import { RecordingLog } from '../observe/event-log.ts';
import type { ProcessGroup } from './process-group.ts';
import { stopChild } from './stop-child.ts';
import { MeasurementError } from '../observe/measurement-error.ts';

const SERVER_MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
/** tsx as this pack resolves it: run from another project, that project may have no tsx, or another one. */
const TSX_LOADER = import.meta.resolve('tsx');
/** A cluster of 64 workers took 17 s to start on the 2-core test machine. */
const START_TIMEOUT_MS = 60_000;
const STDERR_TAIL_LINES = 5;

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** Milliseconds from spawn to the listening line: start-up as a client would see it. */
  readonly startupMs: number;
  readonly baseUrl: string;
  /** Starts keeping the work events the server logs from now on (dropping earlier ones). */
  record(): void;
  /** The events kept since record(), in the order the server logged them. */
  recorded(): readonly WorkEvent[];
  stop(): Promise<void>;
  /** Settles when the process has exited, however it ended. */
  readonly exited: Promise<ExitStatus>;
  /** How it ended, or null while it runs. */
  exitStatus(): ExitStatus | null;
  /** Its last lines on stderr, joined into one. */
  stderrTail(): string;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class ServerStartError extends MeasurementError {
  override name = 'ServerStartError';
  constructor(
    message: string,
    /** The server that failed to start; it has been stopped. */
    readonly pid: number,
  ) {
    super(message);
  }
}

export function describeExit(status: ExitStatus): string {
  return status.signal ?? `code ${status.code}`;
}

/** Any TypeScript entry that prints the same JSON listening line (bench/bare-http-server.ts). */
export interface ListeningScript {
  readonly path: string;
  readonly argv: readonly string[];
  /** How errors name it, e.g. "the pool server". */
  readonly label: string;
}

export function startServer(
  options: ServerOptions,
  group: ProcessGroup,
  env: Record<string, string> = {},
  startTimeoutMs = START_TIMEOUT_MS,
): Promise<ServerProcess> {
  const script = { path: SERVER_MAIN, argv: serverArgv(options), label: `the ${options.variant} server` };
  return startListening(script, group, env, startTimeoutMs);
}

export async function startListening(
  script: ListeningScript,
  group: ProcessGroup,
  env: Record<string, string> = {},
  startTimeoutMs = START_TIMEOUT_MS,
): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', TSX_LOADER, script.path, ...script.argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let exitStatus: ExitStatus | null = null;
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => {
      exitStatus = { code, signal };
      resolve(exitStatus);
    }),
  );
  const stopper = { stop: () => stopChild(child) };
  group.add(stopper);

  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
  });

  const log = new RecordingLog();
  const lines = createInterface({ input: child.stdout! });
  try {
    const port = await waitForListening(child, lines, stderrTail, script.label, startTimeoutMs);
    const startupMs = performance.now() - spawnedAt;
    lines.on('line', (line) => log.line(line));
    return {
      pid: child.pid!,
      port,
      startupMs,
      baseUrl: `http://127.0.0.1:${port}`,
      record: () => log.record(),
      recorded: () => log.recorded(),
      stop: () => group.stop(stopper),
      exited,
      exitStatus: () => exitStatus,
      stderrTail: () => stderrTail.join(' | ') || 'no output on stderr',
    };
  } catch (error) {
    await group.stop(stopper);
    throw error;
  }
}

function waitForListening(
  child: ChildProcess,
  lines: ReturnType<typeof createInterface>,
  stderrTail: readonly string[],
  label: string,
  startTimeoutMs: number,
): Promise<number> {
  const what = `${label} (pid ${child.pid})`;
  const pid = child.pid ?? 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ServerStartError(`${what} printed no listening line within ${startTimeoutMs / 1000} s`, pid)),
      startTimeoutMs,
    );
    const onLine = (line: string): void => {
      const port = parseListeningPort(line);
      if (port !== null) {
        done();
        resolve(port);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      done();
      // Let the last stderr lines arrive before quoting them.
      setImmediate(() => {
        const tail = stderrTail.join(' | ') || 'no output on stderr';
        reject(
          new ServerStartError(`${what} exited during start-up (${describeExit({ code, signal })}): ${tail}`, pid),
        );
      });
    };
    const done = (): void => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
    };
    lines.on('line', onLine);
    child.once('exit', onExit);
  });
}
