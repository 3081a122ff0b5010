// Figure 1 pins the server to one core and this process (the generator) to another with taskset, so
// the Hono / bare ratio measures the servers, not who happened to get the cores. Linux only; where
// taskset is missing or fails, the figure runs unpinned and says why.
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { messageOf } from '../server/errors.ts';
import type { Pinning } from './model.ts';

const run = promisify(execFile);

export const SERVER_CORE = 0;
export const GENERATOR_CORE = 1;

/** Every thread of `pid` (-a) onto `cores`, a taskset list such as "0" or "0,1". */
async function setAffinity(pid: number, cores: string): Promise<void> {
  await run('taskset', ['-a', '-p', '-c', cores, String(pid)]);
}

/** This process's cores as taskset lists them ("0,1"), to give them back afterwards. */
async function ownCores(): Promise<string> {
  const { stdout } = await run('taskset', ['-p', '-c', String(process.pid)]);
  const list = stdout.split(':').at(-1)?.trim();
  if (list === undefined || list === '') throw new Error(`cannot read this process's cores from "${stdout.trim()}"`);
  return list;
}

/**
 * Pins every server to SERVER_CORE and this process to GENERATOR_CORE. Resolves with what was done
 * and how to undo it: servers started later (the other figures) inherit this process's cores, so
 * `restore` must run before any of them starts.
 */
export async function pinApart(serverPids: readonly number[]): Promise<{ pinning: Pinning; restore(): Promise<void> }> {
  const nothing = async (): Promise<void> => {};
  if (availableParallelism() < 2)
    return { pinning: { state: 'unpinned', reason: 'one core: nothing to pin apart' }, restore: nothing };
  let original: string;
  try {
    original = await ownCores();
  } catch (error) {
    return {
      pinning: { state: 'unpinned', reason: `taskset failed: ${messageOf(error).split('\n')[0]}` },
      restore: nothing,
    };
  }
  const restore = (): Promise<void> => setAffinity(process.pid, original);
  try {
    for (const pid of serverPids) await setAffinity(pid, String(SERVER_CORE));
    await setAffinity(process.pid, String(GENERATOR_CORE));
    return { pinning: { state: 'pinned', serverCore: SERVER_CORE, generatorCore: GENERATOR_CORE }, restore };
  } catch (error) {
    await restore();
    return { pinning: { state: 'unpinned', reason: `taskset failed: ${messageOf(error).split('\n')[0]}` }, restore };
  }
}
