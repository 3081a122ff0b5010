// make crossover as a user runs it: bad input refused in one line before any load, and a tiny real
// run (2 CPU points, 1 body) whose three report files exist and say the same thing.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { crossovers, healthThresholds } from '../loadtests/crossover/analysis.ts';
import { crossoverFindings } from '../loadtests/crossover/findings.ts';
import type { CrossoverReport } from '../loadtests/crossover/model.ts';
import { detailTable, ratioTable } from '../loadtests/crossover/tables.ts';
import { escapeHtml } from '../loadtests/document/html.ts';
import { markdownTable } from '../loadtests/document/markdown.ts';
import { terminalTable } from '../loadtests/document/terminal.ts';
import { writtenLine } from '../loadtests/report/write.ts';
import { runCli } from './helpers/cli.ts';

const CROSSOVER_MAIN = fileURLToPath(new URL('../loadtests/crossover/main.ts', import.meta.url));
const THROWS_ON_CALL = fileURLToPath(new URL('./fixtures/handlers/throws-on-call.ts', import.meta.url));

const badInput: readonly (readonly [readonly string[], string])[] = [
  [
    ['--cpu-micros', '0,10'],
    "error: option '--cpu-micros <list>' argument '0,10' is invalid. Allowed: a comma list of 1 to 16 whole numbers from 1 to 1000000.",
  ],
  [
    ['--payloads', '1,99999999'],
    "error: option '--payloads <list>' argument '1,99999999' is invalid. Allowed: a comma list of 1 to 8 whole numbers from 0 to 16777216.",
  ],
  [
    ['--duration', '0'],
    "error: option '--duration <seconds>' argument '0' is invalid. Allowed: a whole number from 1 to 3600.",
  ],
  [['--quick', '--duration', '2'], "error: option '--quick' cannot be used with option '--duration <seconds>'"],
  [
    ['--transfer', 'copy'],
    "error: option '--transfer <mode>' argument 'copy' is invalid. Allowed choices are move, clone.",
  ],
  [
    ['--handler', THROWS_ON_CALL],
    `error: --handler ${THROWS_ON_CALL} threw when called with { clientId: 1, body: null }: broken on call`,
  ],
];

for (const [args, line] of badInput) {
  test(`crossover ${args.join(' ')}: one line, non-zero exit, nothing measured`, async () => {
    const result = await runCli(CROSSOVER_MAIN, [...args, '--no-report']);
    assert.notEqual(result.code, 0);
    assert.equal(result.stderr.trim(), line);
    assert.equal(result.stdout, '');
  });
}

test('crossover CLI: 2 CPU points × 1 body end to end, runs interleaved A B B A; the .md, .json and .html agree', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-crossover-'));
  // A bound of 1 s: each point stops at the two runs of each variant its first look needs.
  const args = [
    '--cpu-micros',
    '20,2000',
    '--payloads',
    '1024',
    '--duration',
    '1',
    '--warmup',
    '1',
    '--max-duration',
    '1',
  ];
  const result = await runCli(CROSSOVER_MAIN, [...args, '--reports-dir', dir], 120_000);
  assert.equal(result.code, 0, result.stderr);
  const files = (await readdir(dir)).sort();
  assert.deepEqual(
    files.map((name) => name.replace(/^.*-crossover/, 'crossover')),
    ['crossover.html', 'crossover.json', 'crossover.md'],
  );
  const [htmlPath, jsonPath, markdownPath] = files.map((name) => join(dir, name));
  assert.ok(
    result.stderr.endsWith(
      `${writtenLine({ markdownPath: markdownPath!, jsonPath: jsonPath!, htmlPath: htmlPath! })}\n`,
    ),
  );
  const [html, json, markdown] = await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')));
  const report = JSON.parse(json!) as CrossoverReport;
  assert.deepEqual(
    report.windows.map((w) => [
      w.state,
      w.variant,
      w.work.kind === 'loop' ? w.work.cpuMicrosPerRequest : null,
      w.payloadBytes,
      w.state === 'measured' ? w.run : null,
    ]),
    [
      ['measured', 'inline', 20, 1024, 1],
      ['measured', 'pool', 20, 1024, 1],
      ['measured', 'pool', 20, 1024, 2],
      ['measured', 'inline', 20, 1024, 2],
      ['measured', 'inline', 2000, 1024, 1],
      ['measured', 'pool', 2000, 1024, 1],
      ['measured', 'pool', 2000, 1024, 2],
      ['measured', 'inline', 2000, 1024, 2],
    ],
  );
  for (const window of report.windows) {
    if (window.state !== 'measured') continue;
    assert.ok(window.requests > 0 && window.failedRequests === 0, `${window.variant}: served, none failed`);
    // The server's own count of the window (/stats, reset and read over a connection of its own)
    // against the clients': apart by the requests in transit at the edges, one per client, and those
    // answered while the reset and the read travel (a few at thousands of requests per second).
    const slack = report.parameters.clients + 0.05 * window.requests;
    const difference = Math.abs((window.servedByServer ?? Number.NaN) - window.requests);
    assert.ok(difference <= slack, `server ${window.servedByServer} / clients ${window.requests}`);
    // The loop was sized from the calibration: the server's CPU per request is at least the loop's.
    if (window.work.kind === 'loop' && window.work.cpuMicrosPerRequest === 2000)
      assert.ok((window.serverCpuMicrosPerRequest ?? 0) >= 1000, `${window.serverCpuMicrosPerRequest} µs`);
  }
  // What the JSON stores is what its own windows give; the markdown and the page show the same cells.
  const { cpuMicros, payloads } = report.parameters;
  assert.deepEqual(report.crossovers, crossovers(report.windows, cpuMicros, payloads));
  assert.deepEqual(report.healthThresholds, healthThresholds(report.windows, cpuMicros, payloads));
  assert.equal(report.parameters.clients, 2 * report.parameters.poolSize);
  assert.ok(markdown!.includes(markdownTable(ratioTable(report))));
  assert.ok(markdown!.includes(markdownTable(detailTable(report))));
  assert.ok(result.stdout.includes(terminalTable(ratioTable(report))));
  for (const sentence of crossoverFindings(report)) assert.ok(markdown!.includes(`- ${sentence}`), sentence);
  for (const cell of detailTable(report).rows.flat()) assert.ok(html!.includes(`>${escapeHtml(cell)}<`), cell);
});
