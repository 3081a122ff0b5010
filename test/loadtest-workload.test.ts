import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseLoadtestArgs } from '../loadtests/flags.ts';
import { reportWorkUnit } from '../loadtests/report/format.ts';
import { fixedReport } from './fixtures/report.ts';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';

const EXAMPLE = fileURLToPath(new URL('../examples/handlers/hash-200.ts', import.meta.url));

test('loadtest --handler: passed on, named with its SHA-256, and the scenarios and variants narrowed to those that run it', () => {
  const options = parseLoadtestArgs(['--handler', EXAMPLE, '--payload-bytes', '1024', '--transfer', 'clone']);
  assert.deepEqual(
    options.plans.map((plan) => [plan.scenario.name, plan.variants]),
    [['curl-loops', ['inline', 'pool', 'cluster']]],
  );
  assert.equal(options.workload.handlerPath, EXAMPLE);
  assert.equal(options.workload.handler?.sha256, createHash('sha256').update(readFileSync(EXAMPLE)).digest('hex'));
  assert.deepEqual([options.workload.payloadBytes, options.workload.transfer], [1024, 'clone']);
});

for (const [args, message] of [
  [
    ['--variants', 'inline,chunked'],
    "error: option '--handler <path>' runs in inline, pool, cluster only (the others cannot run a request's own code as it is), got --variants chunked",
  ],
  [
    ['--scenario', 'io-wait'],
    "error: option '--handler <path>' replaces the CPU work: it runs in scenarios with CPU work, got --scenario io-wait",
  ],
] as const) {
  test(`loadtest --handler ${args.join(' ')}: one line, non-zero exit, before any load`, async () => {
    const result = await runCli(LOADTEST_MAIN, ['--handler', EXAMPLE, ...args]);
    assert.notEqual(result.code, 0);
    assert.equal(result.stderr.trim(), message);
  });
}

test('the report says which handler ran and what each request carried', () => {
  const report = {
    ...fixedReport,
    parameters: {
      ...fixedReport.parameters,
      workload: { handler: { path: 'my-handler.ts', sha256: 'ab12' }, payloadBytes: 65_536, transfer: 'move' as const },
    },
  };
  assert.equal(
    reportWorkUnit(report),
    'your handler my-handler.ts (SHA-256 ab12) runs per request; each request POSTs a 65,536-byte JSON body (pool: transferred to its worker, not copied)',
  );
});

test('loadtest --blocking-io-ms: passed to every server, the variants that hold a thread, in the CPU scenarios', async () => {
  const options = parseLoadtestArgs(['--blocking-io-ms', '100']);
  assert.equal(options.settings.blockingIoMs, 100);
  assert.deepEqual(
    options.plans.map((plan) => [plan.scenario.name, plan.variants]),
    [['curl-loops', ['inline', 'pool', 'cluster']]],
  );
  assert.match(
    reportWorkUnit({ ...fixedReport, parameters: { ...fixedReport.parameters, settings: options.settings } }),
    /iterations per request, then holds its thread 100 ms without CPU$/,
  );
  const refused = await runCli(LOADTEST_MAIN, ['--blocking-io-ms', '100', '--scenario', 'io-wait']);
  assert.equal(
    refused.stderr.trim(),
    "error: option '--blocking-io-ms <n>' follows the CPU work: it runs in scenarios with CPU work, got --scenario io-wait",
  );
});
