// Reports of --repeat runs: per-run medians in the tables, and the same medians in the sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from './helpers/documents.ts';
import { findings } from '../loadtests/report/findings.ts';
import { fixedReport } from './fixtures/report.ts';

test('with --repeat, cells show the per-run median [min–max], and sentences quote those medians', () => {
  const [inline, pool] = fixedReport.runs;
  const runs = [1, 2, 3].flatMap((repetition) => [
    { ...inline!, repetition, requestsPerSecond: 28 + repetition / 10, requests: 280 + repetition },
    { ...pool!, repetition, requestsPerSecond: 50 + repetition },
  ]);
  const repeated = { ...fixedReport, parameters: { ...fixedReport.parameters, repeat: 3 }, runs };
  const markdown = renderMarkdown(repeated);
  assert.ok(markdown.includes('| variant | size | req/s ±95% | % of limit | × inline | requests per run |'), markdown);
  assert.ok(markdown.includes('| inline | – | 28.2 [28.1–28.3] | 99% | 1.00× | 282 [281–283] |'));
  assert.ok(markdown.includes('| pool | pool-size 2 | 52.0 [51.0–53.0] | 96% | 1.84× [1.81×–1.88×] | 548 |'));
  const lines = findings(repeated);
  // Three runs each: the runs are the replicates the comparison rests on.
  assert.ok(lines.includes("pool served 1.84× [1.76–1.93] inline's req/s: differs (52.0 ±1.1 vs 28.2 ±0.6 req/s)."));
  assert.ok(
    lines.includes(
      "inline's latency percentiles rest on 282 requests per run (the median of 3 runs, 281–283): each run's p99 is its slowest 3.",
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes(
      "pool's latency percentiles rest on 548 requests per run (in each of its 3 runs): each run's p99 is its slowest 6.",
    ),
  );
  assert.ok(lines[0]?.startsWith('Each variant ran 3 times on a fresh server.'));
});

test('with an even --repeat the median is the mean of the middle two, in tables and sentences alike', () => {
  const [inline] = fixedReport.runs;
  const health = (p50: number) => ({ ...inline!.health, latencyMs: { ...inline!.health.latencyMs!, p50 } });
  const runs = [
    { ...inline!, repetition: 1, requestsPerSecond: 26, requests: 260, health: health(644) },
    { ...inline!, repetition: 2, requestsPerSecond: 40, requests: 400, health: health(656) },
  ];
  const report = { ...fixedReport, parameters: { ...fixedReport.parameters, repeat: 2 }, runs };
  const markdown = renderMarkdown(report);
  assert.ok(
    markdown.includes('| inline | – | 33.0 [26.0–40.0] | 99% | 1.00× [0.79×–1.21×] | 330 [260–400] |'),
    markdown,
  );
  assert.ok(markdown.includes('| inline | 1 | 100% | 1 | 12 | 80 MiB | 650 [644–656] |'), 'health p50 cell');
  const lines = findings(report);
  assert.ok(
    lines.some((line) => line.startsWith('inline answered the /health bystander (every 50 ms) in p50 650 ms,')),
    'the sentence quotes the cell, not one of the runs',
  );
  assert.ok(
    lines.includes(
      'inline reached 99% of its limit of 28.6 req/s (the median of 2 runs; run 1: min(2 cores, 4 clients, 1 at once) = 1 / 35.0 ms CPU per request).',
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes(
      "inline's latency percentiles rest on 330 requests per run (the median of 2 runs, 260–400): each run's p99 is its slowest 3–5.",
    ),
    lines.join('\n'),
  );
});
