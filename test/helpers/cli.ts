// Runs one of the project's programs as a user would, and collects what it printed.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const SERVER_MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
export const LOADTEST_MAIN = fileURLToPath(new URL('../../loadtests/main.ts', import.meta.url));

/** Runs `node --import tsx <script> ...args` to its end (killed after `timeoutMs`). */
export function runCli(script: string, args: readonly string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface RunningCli {
  readonly pid: number;
  /** Resolves with the first capture group of the first stderr line that matches `pattern`. */
  stderrLine(pattern: RegExp): Promise<string>;
  readonly done: Promise<CliResult>;
}

/** Starts `node --import tsx <script> ...args` and lets the test act while it runs. */
export function startCli(t: TestContext, script: string, args: readonly string[]): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => (stderr += `${line}\n`));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    pid: child.pid!,
    done,
    stderrLine: (pattern) =>
      new Promise((resolve, reject) => {
        const onLine = (line: string): void => {
          const match = pattern.exec(line);
          if (match === null) return;
          lines.off('line', onLine);
          resolve(match[1] ?? line);
        };
        lines.on('line', onLine);
        void done.then((result) =>
          reject(
            new Error(`exited (${result.code ?? result.signal}) before a line matched ${pattern}: ${result.stderr}`),
          ),
        );
      }),
  };
}

/** Whether a process with this pid exists (as signal 0 tells). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
