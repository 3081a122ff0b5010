// The HTML report: pure content checks, its place beside the .md and .json, and the page opened
// from file:// in headless Chromium with the network cut: no console error, no request, every
// chart drawn with a size and shapes, the tables' numbers those of the JSON twin, fits A4 in print.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { findings } from '../loadtests/report/findings.ts';
import { renderHtml } from '../loadtests/report/html.ts';
import { inlineMarkdown } from '../loadtests/report/html-page.ts';
import type { Report } from '../loadtests/report/model.ts';
import { resultsTable } from '../loadtests/report/tables.ts';
import { windowTable } from '../loadtests/report/trust.ts';
import { writeReport, writtenLine } from '../loadtests/report/write.ts';
import { fixedReport } from './fixtures/report.ts';
import { chromiumMissing, launchBrowser, openFile } from './helpers/browser.ts';

/** Set to a .png path (npm run screenshot) to keep a full-page screenshot of the fixture's page. */
const SCREENSHOT_PATH = process.env.HTML_REPORT_SCREENSHOT;
/** A4's width less the print margins (210 − 2 × 12 mm) in CSS px: what a printed page has room for. */
const A4_PRINT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

test('the page holds every finding, the results cells, and refers to nothing outside itself', () => {
  const html = renderHtml(fixedReport);
  for (const sentence of findings(fixedReport)) assert.ok(html.includes(inlineMarkdown(sentence)), sentence);
  for (const cell of resultsTable(fixedReport).rows.flat()) assert.ok(html.includes(`>${cell}<`), cell);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|\ssrc=|\shref=|@import/i);
  assert.deepEqual(
    [...html.matchAll(/url\(([^)]*)\)/g)].filter(([, target]) => !target?.startsWith('#')),
    [],
    'fills only from the page itself',
  );
  assert.deepEqual(
    [...html.matchAll(/https?:\/\/[^\s"'<]+/g)].map(([url]) => url),
    Array(html.split('<svg ').length - 1).fill('http://www.w3.org/2000/svg'),
    'the only URL is the SVG namespace, a name that is never fetched',
  );
});

test('the page is written beside the .md and .json under the same name, or not at all', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-html-'));
  const html = renderHtml(fixedReport);
  const first = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', '# md\n', fixedReport, html);
  // A page of that name already there: the next name is taken for all three.
  await writeFile(join(dir, '2026-11-24T19-08-14Z-2-curl-loops.html'), 'earlier');
  const second = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', '# md\n', fixedReport, html);
  assert.equal(first.htmlPath, join(dir, '2026-11-24T19-08-14Z-curl-loops.html'));
  assert.equal(second.htmlPath, join(dir, '2026-11-24T19-08-14Z-3-curl-loops.html'));
  assert.equal(await readFile(second.htmlPath ?? '', 'utf8'), html);
  assert.equal(
    writtenLine(first),
    `report: ${first.htmlPath} (open it in a browser; the same report as .md, its numbers as .json)`,
  );
  assert.deepEqual((await readdir(dir)).sort(), [
    '2026-11-24T19-08-14Z-2-curl-loops.html',
    '2026-11-24T19-08-14Z-3-curl-loops.html',
    '2026-11-24T19-08-14Z-3-curl-loops.json',
    '2026-11-24T19-08-14Z-3-curl-loops.md',
    '2026-11-24T19-08-14Z-curl-loops.html',
    '2026-11-24T19-08-14Z-curl-loops.json',
    '2026-11-24T19-08-14Z-curl-loops.md',
  ]);
});

/** The browser, or a skip outside CI; in CI a missing browser fails (.ci/run installs it). */
async function browserOrSkip(t: TestContext): Promise<boolean> {
  const missing = await chromiumMissing();
  if (missing === null) return true;
  if (process.env.CI === 'true') assert.fail(missing);
  t.skip(missing);
  return false;
}

test('in headless Chromium from file://: no error, no request, every chart drawn, the JSON numbers', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const dir = await mkdtemp(join(tmpdir(), 'aop-html-'));
  const written = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', '', fixedReport, renderHtml(fixedReport));
  // The numbers are checked against the JSON twin as written, not against the value in memory.
  const report = JSON.parse(await readFile(written.jsonPath, 'utf8')) as Report;
  const { page, errors, offsite } = await openFile(await launchBrowser(t), written.htmlPath ?? '');

  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(offsite, [], 'no request left the page');

  // rate, latency, /health; inline's Gantt and CPU (pool has neither timeline nor CPU samples).
  const charts = page.locator('svg.chart');
  assert.equal(await charts.count(), 5);
  for (const chart of await charts.all()) {
    const box = await chart.boundingBox();
    const title = await chart.locator('title').first().textContent();
    assert.ok(
      box !== null && box.width > 100 && box.height > 50,
      `${title}: drawn with a size (${JSON.stringify(box)})`,
    );
    assert.ok((await chart.locator('rect, path').count()) > 2, `${title}: has marks, not only a frame`);
  }

  const rows = page.locator('table.results tbody tr');
  const expected = resultsTable(report).rows;
  assert.equal(await rows.count(), expected.length);
  for (const [i, cells] of expected.entries())
    assert.deepEqual(await rows.nth(i).locator('th, td').allTextContents(), cells, `results row ${i + 1}`);
  for (const run of report.runs) {
    if (run.state !== 'measured') continue;
    const cells = await page
      .locator('table.results tbody tr', { hasText: run.variant })
      .locator('td')
      .allTextContents();
    const ci = run.requestsPerSecondCi95!;
    assert.equal(cells[1], `${run.requestsPerSecond.toFixed(1)} ±${((ci[1] - ci[0]) / 2).toFixed(1)}`, 'req/s ±95%');
    assert.equal(cells[4], String(run.requests), 'requests');
    assert.equal(Number(cells[8]), run.latencyMs?.p99, 'p99 ms');
  }
  const windowRows = await page.locator('table.window tbody tr').all();
  for (const [i, cells] of windowTable(report).rows.entries())
    assert.deepEqual(await windowRows[i]?.locator('th, td').allTextContents(), cells, `window row ${i + 1}`);
  const sentences = await page.locator('ul.findings li').allTextContents();
  assert.deepEqual(
    sentences,
    findings(report).map((sentence) => sentence.replaceAll('`', '')),
  );

  if (SCREENSHOT_PATH !== undefined) await page.screenshot({ path: SCREENSHOT_PATH, fullPage: true });

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_PRINT_WIDTH_PX, height: 1000 });
  const printWidth = await page.evaluate('document.documentElement.scrollWidth');
  assert.ok(
    Number(printWidth) <= A4_PRINT_WIDTH_PX,
    `in print, ${printWidth} px wide for ${A4_PRINT_WIDTH_PX} px of A4`,
  );
});
