import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { startHealthProbe } from '../loadtests/observe/health-probe.ts';
import { cpuBetween, snapshot } from '../loadtests/observe/proc-snapshot.ts';
import { startTestServer } from './helpers/server.ts';

test('probe is open loop: a stalled server still gets probes on schedule, and their latencies show the stall', async (t) => {
  // Inline runs the loop on the event loop: one request of 1.5e9 increments stalls /health.
  const server = await startTestServer(t, 'inline', { iterations: 1_500_000_000, quiet: true });
  const stall = fetch(`${server.baseUrl}/1`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const paced = startHealthProbe(server.baseUrl, 20, 15);
  await new Promise((resolve) => setTimeout(resolve, 600));
  const measured = await paced.stop();
  await stall;
  assert.equal(measured.sent, 15, 'every probe was sent although none was answered yet');
  assert.ok(measured.maxOutstanding >= 5, `only ${measured.maxOutstanding} probes were out at once`);
  assert.equal(measured.failed, 0);
  assert.equal(measured.latenciesMs.length, 15);
  assert.ok(Math.max(...measured.latenciesMs) >= 100, 'the stall shows in the latencies');
});

test('sampler: a process with one spinning worker thread shows exactly that thread busy', async (t) => {
  const code = "new (require('node:worker_threads').Worker)('for(;;){}', { eval: true }); setInterval(() => {}, 1000);";
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  t.after(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = await snapshot(child.pid!);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await snapshot(child.pid!);
  assert.ok(before !== null && after !== null);
  const window = cpuBetween(before, after);
  assert.equal(window.busyThreads, 1);
  assert.ok(window.threads >= 2);
  const busiest = [...after.threads].sort(
    (a, b) =>
      b[1].cpuMs - (before.threads.get(b[0])?.cpuMs ?? 0) - (a[1].cpuMs - (before.threads.get(a[0])?.cpuMs ?? 0)),
  )[0];
  assert.notEqual(busiest?.[0], child.pid, 'the busy thread is the worker, not the main thread');
});
