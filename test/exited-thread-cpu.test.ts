// CPU of a thread that ended between two snapshots still counts: a threadpool that prunes idle
// threads (anyio's, under uvicorn) once read as using far less CPU than its requests cost.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import {
  cpuBetween,
  cpuByProcess,
  type ProcessSnapshot,
  snapshot,
  without,
} from '../loadtests/observe/proc-snapshot.ts';
import { waitFor } from './helpers/wait-for.ts';

const thread = (pid: number, cpuMs: number) => ({ name: 'worker', cpuMs, pid });

test('a thread gone by the second snapshot: its CPU is in its process total, and counted', () => {
  const before: ProcessSnapshot = {
    atMs: 0,
    threads: new Map([
      [10, thread(10, 50)],
      [11, thread(10, 100)],
    ]),
    processCpuMs: new Map([[10, 150]]),
    residentBytes: 0,
  };
  // Thread 11 ran 300 ms more and exited; thread 12 started and ran 100 ms: the process used 400 ms.
  const after: ProcessSnapshot = {
    atMs: 1_000,
    threads: new Map([
      [10, thread(10, 50)],
      [12, thread(10, 100)],
    ]),
    processCpuMs: new Map([[10, 550]]),
    residentBytes: 0,
  };
  const window = cpuBetween(before, after);
  assert.equal(window.cpuPercent, 40);
  assert.equal(window.threads, 2);
  assert.equal(window.busyThreads, 1); // only the live thread 12 can be named busy
  assert.deepEqual(cpuByProcess(before, after), [{ pid: 10, cpuPercent: 40 }]);
});

test('a real process whose busy threads each end: the window counts their CPU', async (t) => {
  // Each worker thread spins about 20 ms of CPU and exits; the main thread only starts the next one.
  const script = `
    const { Worker } = require('node:worker_threads');
    const next = () => new Worker('const e = Date.now() + 20; while (Date.now() < e);', { eval: true }).on('exit', next);
    next();
    console.log('ready');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill('SIGKILL'));
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const first = await snapshot(child.pid!);
  assert.ok(first !== null);
  const processMs = (tree: ProcessSnapshot) => tree.processCpuMs.get(child.pid!) ?? 0;
  let last: ProcessSnapshot | null = first;
  // Long enough for dozens of workers to have come and gone.
  await waitFor(async () => {
    last = await snapshot(child.pid!);
    return last !== null && processMs(last) - processMs(first) >= 500;
  }, 'the child to use 500 ms of CPU');
  assert.ok(last !== null);
  const window = cpuBetween(first, last);
  const liveThreadsMs = [...last.threads].reduce(
    (sum, [tid, now]) => sum + now.cpuMs - (first.threads.get(tid)?.cpuMs ?? 0),
    0,
  );
  const countedMs = (window.cpuPercent / 100) * (last.atMs - first.atMs);
  assert.ok(Math.abs(countedMs - (processMs(last) - processMs(first))) < 1e-6);
  // What the sum over live threads alone would have said: the exited workers' CPU missing.
  assert.ok(liveThreadsMs < countedMs, `live threads ${liveThreadsMs} ms, counted ${countedMs} ms`);
});

test('the generator is the runner tree without the server it spawned, in both views', () => {
  // Runner 1 (200 ms of its own) spawned server 2 (900 ms): the generator used 200 ms, not 1,100.
  const tree = (atMs: number, runnerMs: number, serverMs: number): ProcessSnapshot => ({
    atMs,
    threads: new Map([
      [1, thread(1, runnerMs)],
      [2, thread(2, serverMs)],
    ]),
    processCpuMs: new Map([
      [1, runnerMs],
      [2, serverMs],
    ]),
    residentBytes: 0,
  });
  const server = (atMs: number, serverMs: number): ProcessSnapshot => ({
    atMs,
    threads: new Map([[2, thread(2, serverMs)]]),
    processCpuMs: new Map([[2, serverMs]]),
    residentBytes: 0,
  });
  const generator = cpuBetween(
    without(tree(0, 100, 100), server(0, 100)),
    without(tree(1_000, 300, 1_000), server(1_000, 1_000)),
  );
  assert.equal(generator.cpuPercent, 20);
  assert.equal(generator.threads, 1);
});
