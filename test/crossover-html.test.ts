// The crossover page opened from file:// in headless Chromium with the network cut: no console
// error, no request, the chart drawn with a size and a line per body, the tables' numbers those of
// the JSON twin as written.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { apartOf, pairsOf, ratioOf } from '../loadtests/crossover/analysis.ts';
import { crossoverFindings } from '../loadtests/crossover/findings.ts';
import type { CrossoverReport } from '../loadtests/crossover/model.ts';
import { renderCrossoverHtml, renderCrossoverMarkdown } from '../loadtests/crossover/render.ts';
import { ratioTable } from '../loadtests/crossover/tables.ts';
import { writeReport } from '../loadtests/report/write.ts';
import { crossoverReport } from './fixtures/crossover-report.ts';
import { browserOrSkip, launchBrowser, openFile } from './helpers/browser.ts';

const halfWidth = (ci: readonly [number, number] | null): string =>
  ci === null ? '' : ((ci[1] - ci[0]) / 2).toFixed(1);

test('crossover page in headless Chromium: no error, no request, the chart drawn, the JSON numbers', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const fixture = crossoverReport();
  const dir = await mkdtemp(join(tmpdir(), 'aop-crossover-html-'));
  const written = await writeReport(
    dir,
    fixture.dateUtc,
    'crossover',
    renderCrossoverMarkdown(fixture),
    fixture,
    renderCrossoverHtml(fixture),
  );
  const report = JSON.parse(await readFile(written.jsonPath, 'utf8')) as CrossoverReport;
  const { page, errors, offsite } = await openFile(await launchBrowser(t), written.htmlPath ?? '');

  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(offsite, [], 'no request left the page');

  const chart = page.locator('svg.chart');
  assert.equal(await chart.count(), 1);
  const box = await chart.boundingBox();
  assert.ok(box !== null && box.width > 100 && box.height > 50, `drawn with a size (${JSON.stringify(box)})`);
  // One line per body size with a marker per point, and a legend line per body size.
  const { cpuMicros, payloads } = report.parameters;
  assert.equal(await chart.locator('path[fill="none"]').count(), payloads.length);
  assert.equal(await chart.locator('circle, rect[width="7"]').count(), 2 * cpuMicros.length + 2);

  const ratioRows = page.locator('table.ratios tbody tr');
  for (const [i, cpu] of cpuMicros.entries()) {
    const cells = await ratioRows.nth(i).locator('td').allTextContents();
    for (const [j, payloadBytes] of payloads.entries()) {
      const pair = pairsOf(report.windows, cpuMicros, payloadBytes)[i]!;
      assert.equal(cpu, pair.cpuMicrosPerRequest);
      assert.equal(
        Number(cells[j]?.split('×')[0]),
        Number(ratioOf(pair)?.toFixed(2)),
        `ratio at ${cpu} µs, ${payloadBytes} B`,
      );
      const mark = apartOf(pair);
      assert.equal(cells[j]?.endsWith(mark === 'overlap' ? '×' : mark), true, `who is ahead at ${cpu} µs`);
    }
  }
  assert.deepEqual(
    await page.locator('table.ratios tbody tr').evaluateAll((rows) => rows.length),
    ratioTable(report).rows.length,
  );

  const windowRows = page.locator('table.windows tbody tr');
  let row = 0;
  for (const payloadBytes of payloads) {
    for (const pair of pairsOf(report.windows, cpuMicros, payloadBytes)) {
      const cells = await windowRows.nth(row++).locator('td').allTextContents();
      assert.equal(
        cells[1],
        `${pair.inline?.requestsPerSecond.toFixed(1)} ±${halfWidth(pair.inline?.requestsPerSecondCi95 ?? null)}`,
      );
      assert.equal(
        cells[2],
        `${pair.pool?.requestsPerSecond.toFixed(1)} ±${halfWidth(pair.pool?.requestsPerSecondCi95 ?? null)}`,
      );
      assert.equal(Number(cells[4]), pair.inline?.healthP99Ms);
    }
  }
  const crossoverCells = await page.locator('table.crossovers tbody tr td:nth-of-type(1)').allTextContents();
  assert.deepEqual(
    crossoverCells.map((cell) => (cell === 'not in range' ? null : cell)),
    report.crossovers.map((c) =>
      c.cpuMicrosPerRequest === null ? null : `${(c.cpuMicrosPerRequest / 1000).toFixed(1)} ms`,
    ),
  );
  assert.deepEqual(
    await page.locator('ul.findings li').allTextContents(),
    crossoverFindings(report).map((sentence) => sentence.replaceAll('`', '')),
  );
});
