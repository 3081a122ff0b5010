// Reports that stay whole and agree with themselves: a failed row is named, not lost; an overload
// row that served nothing is a measurement; verdict lists match the CPU figures; notes say who
// started a server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, renderTerminal } from './helpers/documents.ts';
import { assembleReport } from '../loadtests/report/assemble.ts';
import { MULTI_CORE_PERCENT, ONE_CORE_MAX_PERCENT } from '../loadtests/report/cores-findings.ts';
import { findings } from '../loadtests/report/findings.ts';
import type { FailedRun, Report, VariantRun } from '../loadtests/report/model.ts';
import { fixedReport } from './fixtures/report.ts';

const [inline, pool] = fixedReport.runs as [VariantRun, VariantRun];

const chunkedFailed: FailedRun = {
  state: 'failed',
  variant: 'chunked',
  repetition: 1,
  size: null,
  newConnection: false,
  reason: 'the chunked server answered none of the requests sent in 10 s',
};

test('a failed row: the tables mark it failed, the findings name it with its reason, the others stay', () => {
  const report: Report = { ...fixedReport, runs: [inline, chunkedFailed, pool] };
  const markdown = renderMarkdown(report);
  assert.match(markdown, /^# curl-loops, 4 clients: inline, chunked, pool$/m);
  assert.ok(markdown.includes('| chunked | failed | – | – | – | – | – | – | – | – | – | – |'), 'results row');
  assert.ok(markdown.includes('| pool | pool-size 2 | 54.8 ±1.1 | 96% | 1.94× | 548 |'), 'the other rows stay');
  const lines = findings(report);
  assert.ok(
    lines.includes(
      'chunked could not be measured (the chunked server answered none of the requests sent in 10 s), so it has no figures here.',
    ),
    lines.join('\n'),
  );
  assert.ok(!lines.some((line) => line.startsWith('chunked ran')), 'no figures invented for it');
  const terminal = renderTerminal(report).replace(/\u001b\[[0-9;]*m/g, '');
  assert.match(terminal, /chunked\s*│\s*failed/);
  assert.ok(terminal.includes('chunked could not be measured'));
});

test('a row that failed in one of its runs keeps the figures of the others, and says so', () => {
  const runs = [inline, { ...chunkedFailed, variant: 'inline', repetition: 2 }, { ...inline, repetition: 3 }];
  const report: Report = { ...fixedReport, parameters: { ...fixedReport.parameters, repeat: 3 }, runs };
  assert.ok(
    findings(report).includes(
      'inline could not be measured in 1 of its 3 runs (run 2: the chunked server answered none of the requests sent in 10 s); its figures come from the other 2 runs.',
    ),
  );
  assert.ok(renderMarkdown(report).includes('| inline | – | 28.3 | 99% | 1.00× | 283 |'));
});

test('overload: a variant that answered every request with 504 is a measured row with its finding', () => {
  const cutOff: VariantRun = {
    ...pool,
    variant: 'chunked',
    size: null,
    requests: 0,
    requestsPerSecond: 0,
    requestsPerSecondCi95: null,
    percentOfLimit: 0,
    latencyMs: null,
    non2xx: 93,
    statusCounts: { '504': 93 },
    servedLatencyMs: null,
    clients: pool.clients.map((client) => ({ ...client, served: 0, meanLatencyMs: null })),
    fairness: null,
  };
  const report: Report = { ...fixedReport, scenario: 'overload', runs: [inline, cutOff] };
  const lines = findings(report);
  assert.ok(
    lines.includes('chunked served 0 of 93 requests: all 93 were cut off at the deadline with 504.'),
    lines.join('\n'),
  );
  assert.ok(!lines.some((line) => line.startsWith("chunked's latency percentiles")), 'no percentiles of nothing');
  assert.ok(
    renderMarkdown(report).includes(
      '| chunked | – | 0.0 | 0% | 0.00× | 0 | n/a | n/a | n/a | n/a | n/a | 0 / 0 / 93 |',
    ),
  );
});

/** Which CPU verdict lists of the findings name `variant`. */
function verdictsNaming(lines: readonly string[], variant: string): string[] {
  const verdicts = [
    'Used more than one core',
    'Partly used a second core',
    'Interleaved requests yet stayed on about one core',
  ];
  return verdicts.filter((verdict) =>
    lines.some(
      (line) =>
        line.startsWith(verdict) &&
        line
          .split(': ')[1]
          ?.split(', ')
          .some((name) => name.startsWith(variant)),
    ),
  );
}

test('the CPU verdicts agree with the CPU figures: each interleaving row is in exactly the list its CPU % says', () => {
  for (const cpuPercent of [96, 119, 121, 131, 149, 151, 181]) {
    const interleaving: VariantRun = {
      ...inline,
      variant: 'python def ×2 workers new-conn',
      server: { ...inline.server, maxInFlight: 4, cpuPercent },
    };
    const lines = findings({ ...fixedReport, runs: [inline, interleaving] });
    const expected =
      cpuPercent > MULTI_CORE_PERCENT
        ? 'Used more than one core'
        : cpuPercent > ONE_CORE_MAX_PERCENT
          ? 'Partly used a second core'
          : 'Interleaved requests yet stayed on about one core';
    assert.deepEqual(verdictsNaming(lines, 'python def'), [expected], `${cpuPercent}%: ${lines.join('\n')}`);
  }
  const lines = findings({
    ...fixedReport,
    runs: [
      inline,
      { ...inline, variant: 'python def ×2 workers', server: { ...inline.server, maxInFlight: 4, cpuPercent: 131 } },
    ],
  });
  assert.ok(lines.includes('Partly used a second core (120–150% CPU): python def ×2 workers (131%).'));
});

test('a --target row that the run itself started says who started it, and no name gets a wrong possessive', () => {
  const target = {
    url: 'http://127.0.0.1:8000/{client}',
    pid: 10,
    hasStats: false,
    logged: true,
    startedBy: 'uvicorn (--workers 2), started by make fastapi for this row',
    placement: { state: 'same machine' as const },
  };
  const python: VariantRun = { ...inline, variant: 'python def ×2 workers', target, limit: null, percentOfLimit: null };
  const report = assembleReport({
    scenario: { name: 'curl-loops', description: 'four clients' },
    parameters: fixedReport.parameters,
    provenance: fixedReport,
    runs: [inline, python],
  });
  assert.match(
    report.notes[0] ?? '',
    /^`python def ×2 workers`: uvicorn \(--workers 2\), started by make fastapi for this row at http:\/\/127\.0\.0\.1:8000\/\{client\}, measured like a --target;/,
  );
  assert.ok(!report.notes.some((note) => note.includes('not started by this run')));
  const lines = findings(report);
  assert.ok(
    lines.includes(
      "python def ×2 workers' CPU cost per request was not measured (no /stats and no --target-pid), so it has no physical limit to compare with.",
    ),
  );
  assert.ok(!lines.some((line) => line.includes("workers's")));
});

test("a --target whose start/end lines were not read: the terminal says what the markdown says, not 'logged no work'", () => {
  const target = {
    url: 'http://127.0.0.1:3000/{client}',
    pid: null,
    hasStats: true,
    logged: false,
    startedBy: null,
    placement: { state: 'same machine' as const },
  };
  const own: VariantRun = { ...inline, variant: 'own', target, timeline: { spanMs: 2_000, bars: [] } };
  const report: Report = { ...fixedReport, runs: [own] };
  const unread = "(not measured: the runner did not read this server's start/end lines)";
  // The timelines are folded evidence: the markdown's appendix says so; the terminal shows none.
  assert.ok(renderMarkdown(report).includes(unread));
  assert.ok(!renderTerminal(report).includes('logged no work'));
});
