// A handler that throws under load, through `make loadtest`: its 500s are counted and shown in the
// report, every other client is served throughout, and the server is still serving at the end.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Report } from '../loadtests/report/model.ts';
import { FAILING_CLIENT } from './fixtures/handlers/throws-for-13.ts';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';

const THROWS_FOR_13 = fileURLToPath(new URL('./fixtures/handlers/throws-for-13.ts', import.meta.url));

test('loadtest --handler that throws for one client: 500s counted and shown, the others served', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-handler-load-'));
  const args = ['--scenario', 'curl-loops', '--variants', 'inline,pool', '--handler', THROWS_FOR_13];
  const window = ['--connections', String(FAILING_CLIENT), '--duration', '1', '--warmup', '0'];
  const result = await runCli(LOADTEST_MAIN, [...args, ...window, '--reports-dir', dir], 120_000);
  assert.equal(result.code, 0, result.stderr);
  const json = (await readdir(dir)).find((name) => name.endsWith('.json'));
  const report = JSON.parse(await readFile(join(dir, json!), 'utf8')) as Report;
  assert.deepEqual(
    report.runs.map((run) => [run.variant, run.state]),
    [
      ['inline', 'measured'],
      ['pool', 'measured'],
    ],
  );
  for (const run of report.runs) {
    if (run.state !== 'measured') continue;
    // Client 13 asks again as soon as it is answered: each of its answers is a 500, and nothing else fails.
    assert.ok(run.non2xx > 0, `${run.variant}: non-2xx counted`);
    assert.equal(run.statusCounts['500'], run.non2xx, `${run.variant}: every failure a 500`);
    assert.equal(run.errors + run.timeouts, 0, `${run.variant}: no error, no timeout`);
    const served = new Map(run.clients.map((client) => [client.clientId, client.served]));
    assert.equal(served.get(FAILING_CLIENT), 0, `${run.variant}: client 13 never got a 2xx`);
    for (const [clientId, count] of served)
      if (clientId !== FAILING_CLIENT) assert.ok(count > 0, `${run.variant}: client ${clientId} served`);
    assert.match(
      result.stdout,
      new RegExp(`${run.variant} had 0 errors, 0 timeouts and ${run.non2xx} non-2xx answers`),
      'the findings say so',
    );
  }
});
