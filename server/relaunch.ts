// libuv reads UV_THREADPOOL_SIZE once, before any of our code runs. A server started by hand
// with --uv-threads therefore relaunches itself once with the variable set; the load runner
// sets it at spawn time, so its servers never relaunch.
import { spawn } from 'node:child_process';

/** Returns the exit code of the relaunched server, or null when this process may go on. */
export async function relaunchWithEnv(env: Record<string, string>): Promise<number | null> {
  const missing = Object.entries(env).filter(([key, value]) => process.env[key] !== value);
  if (missing.length === 0) return null;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 143))),
  );
}
