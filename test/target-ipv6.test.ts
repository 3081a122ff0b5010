// A --target on [::1] while the server listens on 127.0.0.1 only: the error says where it listens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';
import { startTestServer } from './helpers/server.ts';

const TINY = ['--scenario', 'curl-loops', '--duration', '1', '--warmup', '0'];

test('--target [::1] where the server listens on 127.0.0.1 only: the error says so, not "is it running?"', async (t) => {
  const server = await startTestServer(t, 'inline');
  const result = await runCli(LOADTEST_MAIN, [...TINY, '--no-report', '--target', `http://[::1]:${server.port}/`]);
  assert.equal(result.code, 1);
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  // Where this machine has no IPv6 loopback at all, connecting says so differently: nothing to check.
  if (!last.includes('(ECONNREFUSED)')) return t.skip(`no refusal on ::1 here: ${last}`);
  assert.equal(
    last,
    `error: --target http://[::1]:${server.port}/: cannot reach [::1]:${server.port} (ECONNREFUSED); nothing listens on ::1, but 127.0.0.1:${server.port} accepts: the server listens on 127.0.0.1 only, so use --target http://127.0.0.1:${server.port}/…`,
  );
});
