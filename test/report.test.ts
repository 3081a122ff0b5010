// The load report from fixed measurements: markdown, terminal table and findings, all from the same rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, renderTerminal } from './helpers/documents.ts';
import { loadtestAnswer } from '../loadtests/report/answer.ts';
import { findingGroups, findings } from '../loadtests/report/findings.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { fixedReport } from './fixtures/report.ts';

const ANSI = /\u001b\[/;

test('markdown: provenance, the results table and the clients table from fixed measurements', () => {
  const markdown = renderMarkdown(fixedReport);
  assert.doesNotMatch(markdown, ANSI);
  const lines = markdown.split('\n');
  for (const expected of [
    '# curl-loops, 4 clients: inline, pool',
    '- Command: `npm run loadtest -- --quick`',
    '- Machine: 2 × Test CPU, 24.0 GiB memory, linux 6.1',
    '- Parameters: 4 clients, 10 s measured after 2 s warm-up per variant; 100,000,000 iterations per request',
    '- Settings: pool-size 2, workers 2, uv-threads 4, iterations 100,000,000, slice-iterations 3,000,000, io-ms 100, blocking-io-ms 0 (each applies to the variants it sizes)',
    '- Runs per row: 1, each on a fresh server; bystander probe: GET /health every 50 ms',
    '| variant | size | req/s ±95% | % of limit | × inline | requests | mean ms | p50 ms | p90 ms | p99 ms | max ms | errors / timeouts / non-2xx |',
    '|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    '| inline | – | 28.3 ±0.6 | 99% | 1.00× | 283 | 141 | 106 | 211 | ≥ 240 (n = 283) | 317 | 0 / 0 / 0 |',
    '| pool | pool-size 2 | 54.8 ±1.1 | 96% | 1.94× | 548 | 72.9 | 71.0 | 77.0 | 84.0 | 104 | 0 / 0 / 3 |',
    '| inline | 1 | 100% | 1 | 12 | 80 MiB | 110 | ≥ 290 (n = 200) | 352 | 140 | 100% | n/a | n/a | n/a | 0.49 |',
    '| pool | 2 | 195% | 2 | 14 | 120 MiB | 0.61 | ≥ 2.1 (n = 200) | 3.2 | 3.1 | 7% | 36.1 | 36.4 | 100% | 0.99 |',
    '| pool | 35.0 | 57.1 | min(2 cores, 4 clients, 2 at once) = 2 / 35.0 ms CPU per request |',
    '| pool | 9% | 15% | 200 / 0 |',
    '- Pooled variants: queue 64 (more get 503); deadline 60,000 ms per request',
    '| inline | 2 | 47 | 0.49 | 212 |',
    'client 2    ·███································································································',
    '  line [99, 101]',
    'pool: no CPU samples (no /proc on this system, or a window shorter than one sample)',
    '19:08:10.001 [thread 0] Start processing a request from client: 1',
    '(the server logged no work in the window)',
  ]) {
    assert.ok(lines.includes(expected), `missing line: ${expected}`);
  }
});

test('findings are computed from the numbers', () => {
  // Each finding under the question it answers, in the order the report asks them.
  assert.deepEqual(findingGroups(fixedReport), {
    throughput: [
      'inline reached 99% of its limit of 28.6 req/s (min(2 cores, 4 clients, 1 at once) = 1 / 35.0 ms CPU per request).',
      "pool served 1.94× [1.88–1.99] inline's req/s: differs (54.8 ±1.1 vs 28.3 ±0.6 req/s).",
      'pool reached 96% of its limit of 57.1 req/s (min(2 cores, 4 clients, 2 at once) = 2 / 35.0 ms CPU per request).',
      'pool reached 96% of its limit while the load generator used 9% of a core on the same 2 cores: 5% of the machine, enough to explain the 4% it fell short.',
      'pool had 0 errors, 0 timeouts and 3 non-2xx answers: its figures count only the 548 requests answered with 2xx.',
    ],
    responsiveness: [
      'inline answered the /health bystander (every 50 ms) in p50 110 ms, p99 302 ms, max 352 ms over 200 probes.',
      'pool answered the /health bystander (every 50 ms) in p50 0.61 ms, p99 2.5 ms, max 3.2 ms over 200 probes.',
    ],
    cores: [
      'Used more than one core (over 150% CPU): pool.',
      'Had more than one request in flight at once: pool.',
      'Served one request at a time: inline.',
      'inline ran one request at a time (at most 1 in flight, 1 inside the handler): requests were served one after another; it used 1.00 cores (100% CPU) with 1 busy of 12 threads.',
      'pool ran up to 2 requests at once (at most 4 inside the handler, queued or running); it used 1.95 cores (195% CPU) with 2 busy of 14 threads.',
    ],
    fairness: ['inline served its clients unevenly (fairness 0.49): client 2 got 47 answers, client 1 got 95.'],
    flags: [
      'Noise: while pool was measured (run 1), other processes used 15% of a core, over the 10% guard: its figures may be off.',
    ],
    checks: [
      "inline's latency percentiles rest on 283 requests: its p99 is the slowest 3.",
      "pool's latency percentiles rest on 548 requests: its p99 is the slowest 6.",
      'The load generator (autocannon and the probe) ran on the same 2 cores as the server and used 8%–9% of a core during the runs.',
    ],
  });
  assert.deepEqual(findings(fixedReport), Object.values(findingGroups(fixedReport)).flat());
  const same = (run: VariantRun) => ({
    ...run,
    requestsPerSecond: 10,
    requestsPerSecondCi95: [9.8, 10.2] as const,
    requestsPerSecondEstimate: { value: 10, logSe: 0.01, df: 59, units: 60 },
  });
  const slower = { ...fixedReport, runs: fixedReport.runs.map(same) };
  assert.ok(
    findings(slower).includes(
      "pool served 1.00× [0.97–1.03] inline's req/s: equivalent within ±5% (10.0 ±0.2 vs 10.0 ±0.2 req/s).",
    ),
    findings(slower).join('\n'),
  );
  const tooFew = { ...fixedReport, runs: fixedReport.runs.map((run) => ({ ...run, requestsPerSecondEstimate: null })) };
  assert.ok(
    findings(tooFew).includes(
      "pool served 1.94× inline's throughput (54.8 ±1.1 vs 28.3 ±0.6 req/s; too few rounds to compare them).",
    ),
  );
  assert.equal(
    loadtestAnswer(tooFew)[0],
    "pool served 1.94× inline's req/s: not compared, too few rounds for an interval (54.8 ±1.1 vs 28.3 ±0.6 req/s).",
  );
});

test('findings: an overloaded run says how many were turned away or cut off, and how fast the rest were served', () => {
  const [inline, pool] = fixedReport.runs;
  const overloaded = {
    ...fixedReport,
    runs: [
      inline!,
      {
        ...pool!,
        requests: 40,
        statusCounts: { '200': 40, '503': 900, '504': 5 },
        servedLatencyMs: { count: 40, mean: 130, p50: 120, p99: 240, max: 249 },
      },
    ],
  };
  const lines = findings(overloaded);
  assert.ok(
    !lines.some((line) => line.startsWith('inline turned away')),
    'no overload sentence for a run without 503/504',
  );
  assert.ok(
    lines.includes(
      'pool turned away 900 requests with 503 and cut off 5 with 504, and served 40 in p50 120 ms, p99 240 ms (max 249 ms).',
    ),
    lines.join('\n'),
  );
});

test('terminal table shows the same numbers as the markdown', () => {
  const text = renderTerminal(fixedReport).replace(/\u001b\[[0-9;]*m/g, '');
  for (const cell of ['28.3', '54.8', '1.94×', '195%', '302', '0 / 0 / 3']) assert.ok(text.includes(cell), cell);
  // The swimlanes are evidence: folded into the markdown's appendix, left out of the terminal.
  assert.ok(renderMarkdown(fixedReport).includes('client 1 '));
});

test('a --target row without /stats or --target-pid: "not measured", never 0, and sentences that say so', () => {
  const [inline] = fixedReport.runs;
  const python: VariantRun = {
    ...inline!,
    variant: 'python def',
    target: {
      url: 'http://127.0.0.1:8000/{client}',
      pid: null,
      hasStats: false,
      logged: true,
      startedBy: null,
      placement: { state: 'same machine' as const },
    },
    newConnection: true,
    limit: null,
    percentOfLimit: null,
    servedByProcess: [],
    server: {
      ...inline!.server,
      maxInFlight: 4,
      maxInHandler: null,
      cpuPercent: null,
      threads: null,
      busyThreads: null,
      residentBytes: null,
      eventLoop: null,
      pool: null,
      cpuSamples: [],
    },
  };
  const report = { ...fixedReport, runs: [inline!, python] };
  const lines = renderMarkdown(report).split('\n');
  for (const expected of [
    '| python def | – | 28.3 ±0.6 | not measured | 1.00× | 283 | 141 | 106 | 211 | ≥ 240 (n = 283) | 317 | 0 / 0 / 0 |',
    '| python def | 4 | not measured | not measured | not measured | not measured | 110 | ≥ 290 (n = 200) | 352 | not measured | not measured | not measured | not measured | not measured | 0.49 |',
    '| python def | not measured | not measured | not measured: the target has no /stats and no --target-pid was given |',
    '- Connections: keep-alive, one connection per client, but a new connection per request (like curl) for `python def`',
    'python def: no CPU samples (no --target-pid)',
  ]) {
    assert.ok(lines.includes(expected), `missing line: ${expected}`);
  }
  const sentences = findings(report);
  for (const expected of [
    'CPU not measured: python def.',
    'Had more than one request in flight at once: python def.',
    'python def ran up to 4 requests at once (by its own start/end lines); its CPU was not measured (no --target-pid).',
    "python def's CPU cost per request was not measured (no /stats and no --target-pid), so it has no physical limit to compare with.",
  ]) {
    assert.ok(sentences.includes(expected), `missing finding: ${expected}\n${sentences.join('\n')}`);
  }
});
