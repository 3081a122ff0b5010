// The two observers of a load run: the open-loop /health probe, and the per-thread CPU sampler.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { startHealthProbe } from '../loadtests/observe/health-probe.ts';
import { cpuBetween, snapshot } from '../loadtests/observe/proc-snapshot.ts';
import { threadCpuMs } from './helpers/thread-cpu.ts';
import { waitFor } from './helpers/wait-for.ts';

const PROBE_INTERVAL_MS = 20;
const PROBES = 15;
/** CPU the spinning worker uses inside the sampled window: many clock ticks, whatever the machine's load. */
const WINDOW_WORKER_CPU_MS = 300;

test('probe is open loop: a stalled server still gets probes on schedule, and their latencies show the stall', async (t) => {
  // A server that answers nothing until the test lets it: stalled for exactly as long as the test needs.
  const held: ServerResponse[] = [];
  const paths: string[] = [];
  const arrivedAtMs: number[] = [];
  const stalled = createServer((request, response) => {
    arrivedAtMs.push(performance.now());
    paths.push(request.url ?? '');
    held.push(response);
  }).listen(0, '127.0.0.1');
  t.after(() => {
    stalled.closeAllConnections();
    stalled.close();
  });
  await once(stalled, 'listening');
  const { port } = stalled.address() as AddressInfo;

  const paced = startHealthProbe(`http://127.0.0.1:${port}`, PROBE_INTERVAL_MS, PROBES);
  await waitFor(() => held.length === PROBES, `all ${PROBES} probes to reach the stalled server`);
  const releasedAtMs = performance.now();
  for (const response of held) response.end(JSON.stringify({ status: 'ok' }));
  const measured = await paced.stop();

  assert.deepEqual(paths, Array(PROBES).fill('/health'));
  assert.equal(measured.sent, PROBES);
  assert.equal(measured.maxOutstanding, PROBES, 'every probe was sent while none had been answered');
  assert.equal(measured.failed, 0);
  assert.equal(measured.answered.count, PROBES);
  // The first probe was out from before it arrived until the release: its latency covers the stall.
  assert.ok(measured.answered.maxMs >= releasedAtMs - arrivedAtMs[0]!, 'the stall shows in the latencies');
});

test('sampler: a process with one spinning worker thread shows exactly that thread busy', async (t) => {
  // The worker says when it starts to spin; the main thread passes that on and then sleeps.
  const code = `
    const { Worker } = require('node:worker_threads');
    const spinner = new Worker("require('node:worker_threads').parentPort.postMessage('spinning'); for(;;){}", { eval: true });
    spinner.once('message', (message) => console.log(message));
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  const pid = child.pid!;
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  assert.equal(line, 'spinning');

  const before = await snapshot(pid);
  assert.ok(before !== null);
  // The window closes once one thread has used enough CPU to stand out, not after a set time.
  const after = await waitFor(async () => {
    const now = await snapshot(pid);
    return now !== null && (threadCpuMs(before, now)[0]?.[1] ?? 0) >= WINDOW_WORKER_CPU_MS && now;
  }, `a thread of the child to use ${WINDOW_WORKER_CPU_MS} ms of CPU`);

  const window = cpuBetween(before, after);
  assert.equal(window.busyThreads, 1);
  assert.ok(window.threads > window.busyThreads, 'idle threads are counted too');
  const [busiest] = threadCpuMs(before, after);
  assert.notEqual(busiest?.[0], pid, 'the busy thread is the worker, not the main thread');
  assert.ok(after.threads.has(pid), 'the idle main thread is sampled too');
});
