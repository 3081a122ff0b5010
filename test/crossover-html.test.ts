// make crossover's HTML page: every sentence and table cell, nothing from outside; then opened from
// file:// in headless Chromium with the network cut: no error, no request, the chart drawn with a
// line and a valued marker per point, the tables' numbers those of the JSON twin as written, fits A4.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderCrossoverHtml, renderCrossoverMarkdown } from './helpers/documents.ts';
import { pairsOf, ratioOf } from '../loadtests/crossover/analysis.ts';
import { crossoverFindings } from '../loadtests/crossover/findings.ts';
import type { CrossoverReport } from '../loadtests/crossover/model.ts';
import { bytes, crossoverTable, detailTable, handlerTable, micros, ratioTable } from '../loadtests/crossover/tables.ts';
import { escapeHtml, inlineMarkdown } from '../loadtests/document/html.ts';
import { writeReport } from '../loadtests/report/write.ts';
import { crossoverReport } from './fixtures/crossover-report.ts';
import {
  assertFitsA4,
  assertPageSound,
  sentencesMissing,
  browserOrSkip,
  launchBrowser,
  openFile,
  tableCells,
} from './helpers/browser.ts';
import { assertSelfContained } from './helpers/self-contained.ts';

const fixture = crossoverReport();
const tablesOf = (report: CrossoverReport) =>
  [
    ['ratios', ratioTable(report)],
    ['crossovers', crossoverTable(report)],
    ['handler', handlerTable(report)!],
    ['windows', detailTable(report)],
  ] as const;

test('the crossover page holds every sentence and table cell, and nothing from outside', () => {
  const html = renderCrossoverHtml(fixture);
  for (const sentence of crossoverFindings(fixture)) assert.ok(html.includes(inlineMarkdown(sentence)), sentence);
  for (const [, table] of tablesOf(fixture))
    for (const cell of table.rows.flat()) assert.ok(html.includes(`>${escapeHtml(cell)}<`), cell);
  assertSelfContained(html);
});

test('in headless Chromium from file://: the crossover chart drawn, the JSON numbers, fits A4', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const dir = await mkdtemp(join(tmpdir(), 'aop-crossover-html-'));
  const markdown = renderCrossoverMarkdown(fixture);
  const written = await writeReport(dir, fixture.dateUtc, 'crossover', markdown, fixture, renderCrossoverHtml(fixture));
  // The numbers are checked against the JSON twin as written, not against the value in memory.
  const report = JSON.parse(await readFile(written.jsonPath, 'utf8')) as CrossoverReport;
  const opened = await openFile(await launchBrowser(t), written.htmlPath ?? '');

  assert.equal(await assertPageSound(opened), 1, 'one chart: pool ÷ inline');
  const chart = opened.page.locator('svg.chart');
  const { cpuMicros, payloads } = report.parameters;
  assert.equal(await chart.locator('path[fill="none"]').count(), payloads.length, 'a line per body size');
  const values = await chart.locator('title').allTextContents();
  for (const payloadBytes of payloads)
    for (const pair of pairsOf(report.windows, cpuMicros, payloadBytes)) {
      const ratio = ratioOf(pair);
      if (ratio === null) continue;
      const value = `body ${bytes(payloadBytes)}, ${micros(pair.cpuMicrosPerRequest)} of CPU per request: pool ÷ inline ${ratio.toFixed(2)}×`;
      assert.ok(values.includes(value), value);
    }

  for (const [name, table] of tablesOf(report))
    assert.deepEqual(await tableCells(opened.page, name), table.rows, `${name}: the JSON's numbers`);
  // The rates themselves, straight from the JSON: the cell shows each run's req/s, in the order measured.
  const windowRows = await tableCells(opened.page, 'windows');
  for (const [i, pair] of payloads.flatMap((bytes) => pairsOf(report.windows, cpuMicros, bytes)).entries())
    assert.equal(windowRows[i]?.[2], pair.inlineRuns.map((run) => run.requestsPerSecond.toFixed(1)).join(', '));
  assert.deepEqual(await sentencesMissing(opened.page, crossoverFindings(report)), [], 'every sentence on the page');
  await assertFitsA4(opened.page);
});
