// One contract, run over every registered variant: what any concurrency model must do.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { processTree } from '../loadtests/observe/proc-snapshot.ts';
import { variantNames, variants, type VariantName } from '../server/variants/index.ts';
import { FAULT_THROW_MESSAGE } from '../server/job.ts';
import type { StatsBody } from '../server/stats.ts';
import type { ServerOptions } from '../server/flags.ts';
import type { Variant } from '../server/variants/types.ts';
import { isAlive } from './helpers/cli.ts';
import { HOLD_MS } from './helpers/hold.ts';
import { getJson, loggedEvents, startTestServer, statsWhen } from './helpers/server.ts';
import { waitFor } from './helpers/wait-for.ts';

/** About a second of hashing (its calibration at start costs three times that): libuv's only hold. */
const HASHING_WORK = 1_000_000_000;

/**
 * Work that keeps one request in flight while the test signals the server: a wait, where the variant
 * can wait, for the bounded HOLD_MS; libuv only hashes, for far longer than the test's few polls take.
 */
function heldWork(variant: VariantName): Partial<ServerOptions> {
  return (variants[variant] as Variant).fixedWork === 'cpu'
    ? { iterations: HASHING_WORK }
    : { work: 'io', ioMs: HOLD_MS };
}

for (const variant of variantNames) {
  describe(`variant ${variant}`, () => {
    test('answers /health, /stats, the work route, 400 and 404', async (t) => {
      const server = await startTestServer(t, variant);
      assert.deepEqual((await getJson(server, '/health')).body, { status: 'ok' });

      const work = await getJson<{ clientId: number; variant: string; counter: number; threadId: number }>(
        server,
        '/7',
      );
      assert.equal(work.status, 200);
      assert.equal(work.body.clientId, 7);
      assert.equal(work.body.variant, variant);
      if (!('fixedWork' in variants[variant]))
        assert.equal(work.body.counter, 1_000, 'the loop really ran --iterations times');
      // A multi-process variant answers from one of its workers.
      const serverPids = await processTree(server.pid);

      const bad = await getJson<{ error: string; message: string }>(server, '/abc');
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body, {
        error: 'bad_client_id',
        message: 'client id must be a whole number from 1 to 1000000, got "abc"',
      });
      assert.equal((await getJson(server, '/0')).status, 400);
      assert.equal((await getJson(server, '/99999999')).status, 400);

      const missing = await getJson<{ error: string }>(server, '/a/b');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error, 'not_found');

      const { body } = await getJson<StatsBody>(server, '/stats');
      assert.equal(body.variant, variant);
      assert.ok(serverPids.includes(body.pid), `pid ${body.pid} is the server's or one of its workers`);
      assert.equal(body.served, 1);
      assert.equal(body.inFlight, 0);
      assert.equal(body.maxInFlight, 1);
      assert.ok(body.cpuUserMs > 0);

      const reset = await getJson<StatsBody>(server, '/stats/reset', { method: 'POST' });
      assert.equal(reset.body.served, 1, 'the reset answers the figures it cleared');
      assert.equal((await getJson<StatsBody>(server, '/stats')).body.served, 0);
    });

    test('fault routes are off by default; with --fault-routes a throwing job gets 500 JSON and the next request succeeds', async (t) => {
      const plain = await startTestServer(t, variant);
      assert.equal((await getJson(plain, '/fault/throw')).status, 404);
      const server = await startTestServer(t, variant, { faultRoutes: true });
      const thrown = await getJson<{ error: string; message: string }>(server, '/fault/throw');
      assert.equal(thrown.status, 500);
      assert.ok(thrown.body.message.endsWith(FAULT_THROW_MESSAGE), thrown.body.message);
      assert.equal((await getJson(server, '/1')).status, 200);
      assert.equal(
        typeof (await getJson<StatsBody>(server, '/stats')).body.settings.abortable,
        'boolean',
        '/stats says whether a deadline can stop the work',
      );
    });

    test('logs the original start/end lines for each request', async (t) => {
      const server = await startTestServer(t, variant);
      server.record();
      const { pid } = (await (await fetch(`${server.baseUrl}/3`)).json()) as { pid: number };
      assert.deepEqual(
        (await loggedEvents(server, 2)).map((event) => [event.kind, event.clientId, event.pid]),
        [
          ['Start', 3, pid],
          ['End', 3, pid],
        ],
      );
      assert.ok((await processTree(server.pid)).includes(pid));
    });

    test('SIGTERM lets the request in flight finish, then exits 0 and leaves no process', async (t) => {
      const server = await startTestServer(t, variant, heldWork(variant));
      const processes = await processTree(server.pid);
      server.record();
      const answer = fetch(`${server.baseUrl}/1`);
      await statsWhen(server, (body) => body.inFlight === 1, 'the request to be in flight');
      const signalledAtMs = Date.now();
      process.kill(server.pid, 'SIGTERM');
      assert.equal((await answer).status, 200);
      assert.deepEqual(await server.exited, { code: 0, signal: null });
      assert.match(server.stderrTail(), /SIGTERM: closing/, 'the server took the signal while it served');
      // The server's own log: the work ended after the signal was sent, so it was in flight when it came.
      const [start, end] = await loggedEvents(server, 2);
      assert.deepEqual([start?.kind, end?.kind], ['Start', 'End']);
      assert.ok(end!.atMs >= signalledAtMs, `the work ended ${signalledAtMs - end!.atMs} ms before SIGTERM was sent`);
      // A cluster's workers may exit a moment after their primary.
      await waitFor(() => !processes.some(isAlive), 'every server process (and worker) to exit');
    });
  });
}
