// The sweep's HTML page: every conclusion and table cell, and the page opened from file:// in
// headless Chromium with the network cut: no console error, no request, both charts drawn with
// their points, fit and knees, and the table's req/s those of the JSON twin.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { inlineMarkdown } from '../loadtests/report/html-page.ts';
import { writeReport } from '../loadtests/report/write.ts';
import { conclusions } from '../loadtests/sweep/conclusions.ts';
import { renderSweepHtml } from '../loadtests/sweep/html.ts';
import type { SweepReport } from '../loadtests/sweep/model.ts';
import { seriesTable } from '../loadtests/sweep/render.ts';
import { sweepReport } from './fixtures/sweep-report.ts';
import { browserOrSkip, launchBrowser, openFile } from './helpers/browser.ts';

test('the sweep page holds every conclusion and table cell, and refers to nothing outside itself', () => {
  const report = sweepReport();
  const html = renderSweepHtml(report);
  for (const sentence of conclusions(report)) assert.ok(html.includes(inlineMarkdown(sentence)), sentence);
  for (const cell of seriesTable(report.series[0]!, report).rows.flat()) assert.ok(html.includes(`>${cell}<`), cell);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|\ssrc=|\shref=|@import/i);
  assert.match(html, /predicted knee 2\.1/);
  assert.match(html, /measured knee 2/);
  assert.match(html, />req\/s</, 'the y axis names its unit');
  assert.match(html, />--pool-size \(threads\)</, 'the x axis names its unit');
});

test('the sweep page in headless Chromium: no error, no request, charts drawn, the JSON numbers', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const dir = await mkdtemp(join(tmpdir(), 'aop-sweep-html-'));
  const fixture = sweepReport();
  const written = await writeReport(dir, fixture.dateUtc, 'sweep', '', fixture, renderSweepHtml(fixture));
  const report = JSON.parse(await readFile(written.jsonPath, 'utf8')) as SweepReport;
  const { page, errors, offsite } = await openFile(await launchBrowser(t), written.htmlPath ?? '');
  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(offsite, [], 'no request left the page');

  const charts = page.locator('svg.chart');
  assert.equal(await charts.count(), 2, 'req/s and p99 by size');
  for (const chart of await charts.all()) {
    const box = await chart.boundingBox();
    assert.ok(box !== null && box.width > 100 && box.height > 50, `drawn with a size (${JSON.stringify(box)})`);
  }
  const throughput = charts.first();
  assert.equal(await throughput.locator('rect.median').count(), 4, 'one median per size');
  assert.equal(await throughput.locator('circle.run').count(), 4, 'one circle per run');
  assert.equal(await throughput.locator('path.usl').count(), 1, 'the fitted curve');
  assert.equal(await throughput.locator('line.knee').count(), 2, 'predicted and measured knee');

  const rows = page.locator('table.points tbody tr');
  const points = report.series[0]!.points;
  assert.equal(await rows.count(), points.length);
  for (const [i, { x, run }] of points.entries()) {
    const cells = await rows.nth(i).locator('th, td').allTextContents();
    assert.equal(cells[0], String(x));
    const ci = run.requestsPerSecondCi95!;
    assert.equal(cells[1], `${run.requestsPerSecond.toFixed(1)} ±${((ci[1] - ci[0]) / 2).toFixed(1)}`, 'req/s ±95%');
    assert.equal(Number(cells[5]), run.latencyMs?.p99, 'p99 ms');
  }
  assert.deepEqual(
    await page.locator('ul.findings li').allTextContents(),
    conclusions(report).map((sentence) => sentence.replaceAll('`', '')),
  );
});
