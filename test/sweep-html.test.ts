// The sweep's HTML page: every conclusion and table cell, nothing that could fetch, and the page
// opened from file:// in headless Chromium with the network cut: no console error, no request,
// both charts drawn with their values, fit and knees, the table's numbers those of the JSON twin.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderSweepHtml } from './helpers/documents.ts';
import { inlineMarkdown } from '../loadtests/document/html.ts';
import { writeReport } from '../loadtests/report/write.ts';
import { conclusions } from '../loadtests/sweep/conclusions.ts';
import type { SweepReport } from '../loadtests/sweep/model.ts';
import { seriesTable } from '../loadtests/sweep/tables.ts';
import { sweepReport } from './fixtures/sweep-report.ts';
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

test('the sweep page holds every conclusion and table cell, and refers to nothing outside itself', () => {
  const report = sweepReport();
  const html = renderSweepHtml(report);
  for (const sentence of conclusions(report)) assert.ok(html.includes(inlineMarkdown(sentence)), sentence);
  for (const cell of seriesTable(report.series[0]!, report).rows.flat()) assert.ok(html.includes(`>${cell}<`), cell);
  assertSelfContained(html);
  assert.match(html, /predicted knee 2\b/);
  assert.match(html, /measured knee 2/);
  assert.match(html, />req\/s</, 'the y axis names its unit');
  assert.match(html, />--pool-size \(threads\)</, 'the x axis names its unit');
});

test('the sweep page in headless Chromium: no error, no request, charts drawn, the JSON numbers', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const dir = await mkdtemp(join(tmpdir(), 'aop-sweep-html-'));
  const fixture = sweepReport();
  const written = await writeReport(dir, fixture.dateUtc, 'sweep', '', fixture, renderSweepHtml(fixture));
  // The numbers are checked against the JSON twin as written, not against the value in memory.
  const report = JSON.parse(await readFile(written.jsonPath, 'utf8')) as SweepReport;
  const opened = await openFile(await launchBrowser(t), written.htmlPath ?? '');
  assert.equal(await assertPageSound(opened), 2, 'req/s and p99 by size');
  const throughput = opened.page.locator('svg.chart').first();
  assert.equal(await throughput.locator('rect.median').count(), 4, 'one median per size');
  assert.equal(await throughput.locator('circle.run').count(), 4, 'one circle per run');
  assert.equal(await throughput.locator('path.usl').count(), 1, 'the fitted curve');
  assert.equal(await throughput.locator('line.knee').count(), 2, 'predicted and measured knee');

  const rows = await tableCells(opened.page, 'points');
  const points = report.series[0]!.points;
  assert.equal(rows.length, points.length);
  for (const [i, { x, run }] of points.entries()) {
    const ci = run.requestsPerSecondCi95!;
    assert.equal(rows[i]![0], String(x));
    assert.equal(rows[i]![1], `${run.requestsPerSecond.toFixed(1)} ±${((ci[1] - ci[0]) / 2).toFixed(1)}`, 'req/s ±95%');
    assert.equal(Number(rows[i]![5]), run.latencyMs?.p99, 'p99 ms');
  }
  assert.deepEqual(await sentencesMissing(opened.page, conclusions(report)), [], 'every sentence on the page');
  await assertFitsA4(opened.page);
});
