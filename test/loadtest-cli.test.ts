// The load runner end to end, as a user runs it: real servers, a tiny run, a written report.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';

test('a tiny run writes a markdown report, its JSON twin and its HTML page, with the documented fields', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-cli-'));
  const args = [
    '--scenario',
    'curl-loops',
    '--variants',
    'inline,pool',
    '--duration',
    '1',
    // Uncounted seconds, so a pool still starting its workers on a loaded machine is not measured cold.
    '--warmup',
    '2',
    '--iterations',
    '100000',
    '--pool-size',
    '2',
  ];
  const result = await runCli(LOADTEST_MAIN, [...args, '--reports-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /curl-loops/);
  const files = (await readdir(dir)).sort();
  assert.equal(files.length, 3);
  const json = files.find((file) => file.endsWith('.json')) ?? '';
  assert.match(json, /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-curl-loops\.json$/);
  assert.deepEqual(files, [json.replace(/\.json$/, '.html'), json, json.replace(/\.json$/, '.md')]);
  assert.doesNotMatch(result.stderr, /\r|\u001b\[/, 'no progress line rewritten in place in a pipe');
  assert.match(
    result.stderr.trim().split('\n').at(-1) ?? '',
    /^report: .*-curl-loops\.html \(open it in a browser; the same report as \.md, its numbers as \.json\)$/,
  );

  const report = JSON.parse(await readFile(join(dir, json), 'utf8'));
  assert.equal(report.scenario, 'curl-loops');
  assert.match(report.command, /--duration 1/);
  assert.equal(typeof report.machine.cpus, 'number');
  assert.equal(typeof report.machine.cpuModel, 'string');
  assert.match(report.machine.node, /^v\d+/);
  assert.deepEqual(
    report.runs.map((run: { variant: string }) => run.variant),
    ['inline', 'pool'],
  );
  for (const run of report.runs) {
    assert.equal(run.poolSize, run.variant === 'pool' ? 2 : null);
    assert.equal(run.connections, 4);
    assert.ok(run.durationSeconds > 0);
    assert.ok(run.requestsPerSecond > 0);
    for (const key of ['p50', 'p90', 'p99', 'max']) assert.equal(typeof run.latencyMs[key], 'number');
    for (const key of ['errors', 'timeouts', 'non2xx']) assert.equal(typeof run[key], 'number');
    for (const key of ['maxInFlight', 'cpuPercent', 'threads', 'busyThreads'])
      assert.equal(typeof run.server[key], 'number');
    assert.deepEqual(
      run.clients.map((client: { clientId: number }) => client.clientId),
      [1, 2, 3, 4],
    );
    assert.ok(
      run.clients.every((client: { served: number }) => client.served > 0),
      'each connection sent as its own client id',
    );
  }
  assert.equal(report.runs[0].server.maxInFlight, 1, 'inline never ran two at once');
  const markdown = await readFile(join(dir, json.replace(/\.json$/, '.md')), 'utf8');
  assert.match(markdown, /^# curl-loops, 4 clients: inline, pool$/m);
  // The answer first: which served more, by how much, with the ratio's interval and its outcome.
  assert.match(
    markdown,
    /^## The answer\n\n- (inline|pool) served [\d.]+× \[[\d.]+–[\d.]+\] (inline|pool)'s req\/s: /m,
  );
  assert.match(result.stdout, /The answer: curl-loops, 4 clients: inline, pool\n.*served/);
});

const badFlags: readonly (readonly [readonly string[], string])[] = [
  [
    ['--variants', 'inline,nope'],
    "error: option '--variants <list>' argument 'inline,nope' is invalid. Allowed: a comma list of inline, pool, cluster, chunked, libuv, io.",
  ],
  [
    ['--scenario', 'nope'],
    "error: option '--scenario <list>' argument 'nope' is invalid. Allowed: a comma list of curl-loops, io-wait, overload.",
  ],
  [['--workers', '0'], "error: option '--workers <n>' argument '0' is invalid. Allowed: a whole number from 1 to 64."],
  [
    ['--uv-threads', '2000'],
    "error: option '--uv-threads <n>' argument '2000' is invalid. Allowed: a whole number from 1 to 1024.",
  ],
  [
    ['--connections', '0'],
    "error: option '--connections <n>' argument '0' is invalid. Allowed: a whole number from 1 to 1000.",
  ],
  [
    ['--duration', '2.5'],
    "error: option '--duration <seconds|auto>' argument '2.5' is invalid. Allowed: a whole number from 1 to 3600, or auto.",
  ],
  [['--quick', '--duration', '5'], "error: option '--quick' cannot be used with option '--duration <seconds|auto>'"],
  [
    ['--retry', 'at-once,later'],
    "error: option '--retry <list>' argument 'at-once,later' is invalid. Allowed: at-once, retry-after.",
  ],
  [['--shedding', 'maybe'], "error: option '--shedding <list>' argument 'maybe' is invalid. Allowed: on, off."],
  [
    ['--shed-hold-ms', '10001'],
    "error: option '--shed-hold-ms <n>' argument '10001' is invalid. Allowed: a whole number from 0 to 10000.",
  ],
  [
    ['--max-queue', '100001'],
    "error: option '--max-queue <n>' argument '100001' is invalid. Allowed: a whole number from 0 to 100000.",
  ],
  [
    ['--timeout-ms', 'soon'],
    "error: option '--timeout-ms <n>' argument 'soon' is invalid. Allowed: a whole number from 1 to 3600000.",
  ],
  [
    ['--fail-on-errors', '-1'],
    "error: option '--fail-on-errors <n>' argument '-1' is invalid. Allowed: a whole number from 0 to 1000000000.",
  ],
  [
    ['--reports-dir', 'package.json'],
    "error: option '--reports-dir <path>' argument 'package.json' is invalid. Allowed: a folder, or a path where one can be made; this is a file.",
  ],
  [
    ['--pool-size', '999'],
    "error: option '--pool-size <n>' argument '999' is invalid. Allowed: a whole number from 1 to 256.",
  ],
];

for (const [args, message] of badFlags) {
  test(`loadtest ${args.join(' ')}: one line, non-zero exit, nothing run`, async () => {
    const result = await runCli(LOADTEST_MAIN, args);
    assert.notEqual(result.code, 0);
    assert.equal(result.stderr.trim(), message);
    assert.equal(result.stdout, '');
  });
}

test('overload: 503s counted by status, served latency and /health answers land in the report', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-overload-'));
  const result = await runCli(LOADTEST_MAIN, [
    '--scenario',
    'overload',
    '--variants',
    'pool',
    '--pool-size',
    '1',
    // Turned-away clients ask again at once: the event loop answering thousands of 503s a second
    // hands the pool its next task late, so a busy machine serves only a few a second. A 3 s window of
    // a few ms of work (far inside the 500 ms deadline) still serves some while most are turned away.
    '--duration',
    '3',
    '--warmup',
    '2',
    '--iterations',
    '5000000',
    '--reports-dir',
    dir,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const json = (await readdir(dir)).find((file) => file.endsWith('-overload.json'));
  const report = JSON.parse(await readFile(join(dir, json ?? ''), 'utf8'));
  assert.deepEqual(
    [report.parameters.connections, report.parameters.maxQueue, report.parameters.timeoutMs],
    [32, 4, 500],
  );
  const [run] = report.runs;
  assert.ok(run.statusCounts['503'] > 0, '32 clients on 1 thread + 4 waiting: most are turned away');
  assert.equal(run.statusCounts['200'] ?? 0, run.requests);
  assert.equal(
    run.servedLatencyMs.count,
    run.statusCounts['200'],
    'served latency is that of the 200 answers, all of them',
  );
  assert.ok(
    run.health.sent > 0 && run.health.failed === 0 && run.health.latencyMs.count === run.health.sent,
    'the pool kept /health answering',
  );
  assert.match(
    result.stdout,
    /pool turned away [\d,]+ requests? with 503 and cut off [\d,]+ with 504, and served [\d,]+ in p50/,
  );
});
