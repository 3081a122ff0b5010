// The overload section of a report, from fixed rows: the table's cells and the sentence that names
// the row with the most goodput; a report without overload rows has no such section.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHtml, renderMarkdown } from './helpers/documents.ts';
import type { Report, VariantRun } from '../loadtests/report/model.ts';
import type { OverloadFigures } from '../loadtests/report/overload-model.ts';
import { overloadFindings, overloadTable } from '../loadtests/report/overload-section.ts';
import { loadtestAnswer } from '../loadtests/report/answer.ts';
import { fixedReport } from './fixtures/report.ts';

const figures: OverloadFigures = {
  retry: 'at-once',
  shedding: { holdMs: 250, maxHeld: 1024 },
  turnedAwayPerSecond: 104.2,
  cutOffPerSecond: 0,
  turnedAwayLatencyMs: { count: 500, mean: 251, p50: 250.6, p99: 262, max: 270 },
  server: { turnedAway: 500, held: 500, mostHeld: 26 },
  eventLoopCpuPercent: 6.2,
  eventLoopCpuMsPerServed: 2.1,
};

function overloaded(run: VariantRun, variant: string, requestsPerSecond: number, change: Partial<OverloadFigures>) {
  return { ...run, variant, requestsPerSecond, overload: { ...figures, ...change } };
}

const [, pool] = fixedReport.runs;
assert.ok(pool !== undefined);
const report: Report = {
  ...fixedReport,
  scenario: 'overload',
  baseline: 'pool',
  runs: [
    overloaded(pool, 'pool', 30.1, {}),
    overloaded(pool, 'pool · no shedding', 9.5, {
      shedding: null,
      turnedAwayPerSecond: 8400,
      turnedAwayLatencyMs: { count: 9, mean: 0.4, p50: 0.3, p99: 1.2, max: 2 },
      server: { turnedAway: 67_000, held: 0, mostHeld: 0 },
      eventLoopCpuPercent: 84,
    }),
  ],
};

test('the overload table sets the rows side by side: retry, shedding, goodput, turn-aways, loop CPU', () => {
  const table = overloadTable(report);
  assert.ok(table !== null);
  assert.deepEqual(table.rows[0]?.slice(0, 6), ['pool', 'at once', 'hold 250 ms, ≤ 1,024', '30.1', '96%', '104.2']);
  assert.deepEqual(table.rows[1]?.slice(0, 3), ['pool · no shedding', 'at once', 'off']);
  assert.equal(table.rows[1]?.[10], '84%');
  assert.equal(overloadTable(fixedReport), null);
});

test('the findings name the row with the most goodput, its 503 wait and /health', () => {
  const [best, beside] = overloadFindings(report);
  assert.match(
    best ?? '',
    /^Most goodput under overload: pool served 30\.1 req\/s \(96% of its limit\) with 104\.2 503\/s/,
  );
  assert.match(best ?? '', /waited p50 251 ms, p99 262 ms for their 503, and \/health answered in p99 /);
  assert.match(
    beside ?? '',
    /^Beside it: pool · no shedding 9\.5 \(96% of its limit\) with 8400\.0 503\/s, its event loop used 84%/,
  );
  assert.match(renderMarkdown(report), /^## Goodput under overload$/m);
  const page = renderHtml(report);
  for (const line of overloadFindings(report)) assert.ok(page.includes(line.replaceAll('&', '&amp;')), line);
  assert.doesNotMatch(renderMarkdown(fixedReport), /Goodput under overload/);
});

test('the answer: shedding against none for the same clients, with /health beside each, and what to set', () => {
  const withEstimate = (run: VariantRun, value: number): VariantRun => ({
    ...run,
    requestsPerSecondEstimate: { value, logSe: 0.02, df: 30, units: 31 },
  });
  const runs = report.runs.map((run) => withEstimate(run as VariantRun, (run as VariantRun).requestsPerSecond));
  const answer = loadtestAnswer({ ...report, runs });
  assert.match(
    answer[0] ?? '',
    /^Clients that retry at once: pool served 3\.17× \[[\d.]+–[\d.]+\] pool · no shedding's req\/s: differs \(30\.1 req\/s, 96% of the limit against 9\.5 req\/s, 96% of the limit\); \/health p99 .+ with shedding, .+ without\.$/,
  );
  assert.equal(
    answer.at(-1),
    'Keep shedding on (the default, `--shed-hold-ms 250 --shed-max-held 1024`): pool kept the most goodput.',
  );
  assert.equal(answer.length, 2, 'no Retry-After rows, no line for them');
});
