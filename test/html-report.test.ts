// The HTML report: pure content checks, its place beside the .md and .json, and the page opened
// from file:// in headless Chromium with the network cut: no console error, no request, every
// chart drawn with a size and shapes, the tables' numbers those of the JSON twin, fits A4 in print.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderHtml, renderMarkdown } from './helpers/documents.ts';
import { findings } from '../loadtests/report/findings.ts';
import { inlineMarkdown } from '../loadtests/document/html.ts';
import type { Report } from '../loadtests/report/model.ts';
import { resultsTable } from '../loadtests/report/tables.ts';
import { windowTable } from '../loadtests/report/trust.ts';
import { writeReport, writtenLine } from '../loadtests/report/write.ts';
import { fixedReport } from './fixtures/report.ts';
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

test('the page holds every finding, the results cells, and refers to nothing outside itself', () => {
  const html = renderHtml(fixedReport);
  for (const sentence of findings(fixedReport)) assert.ok(html.includes(inlineMarkdown(sentence)), sentence);
  for (const cell of resultsTable(fixedReport).rows.flat()) assert.ok(html.includes(`>${cell}<`), cell);
  assertSelfContained(html);
});

/** The markdown's sentences: its list items and paragraphs, without tables, code blocks and headings. */
function markdownSentences(markdown: string): string[] {
  let inCode = false;
  return markdown.split('\n').flatMap((line) => {
    if (line.startsWith('```')) inCode = !inCode;
    // Links to the appendix are the markdown's way to fold; the page folds with <details> instead.
    if (
      inCode ||
      line.startsWith('```') ||
      line.startsWith('|') ||
      line.startsWith('#') ||
      line.trim() === '' ||
      line.endsWith('(#appendix).')
    )
      return [];
    return [line.replace(/^- /, '').replace(/^\*\*(.*)\*\*$/, '$1')];
  });
}

test('every sentence of the markdown is on the page, but how the text swimlanes are drawn', () => {
  for (const report of [fixedReport, { ...fixedReport, notes: ['A note the runner adds, as `make fastapi` does.'] }]) {
    const html = renderHtml(report);
    const sentences = markdownSentences(renderMarkdown(report));
    assert.ok(sentences.length > findings(report).length, 'findings, notes and provenance');
    for (const sentence of sentences) {
      // The markdown's timeline legend explains its █/▓ characters; the page has bars and says so itself.
      const shown = sentence.includes('█') ? sentence.slice(0, sentence.indexOf(' Client lanes')) : sentence;
      assert.ok(html.includes(inlineMarkdown(shown)), shown);
    }
  }
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

test('in headless Chromium from file://: no error, no request, every chart drawn, the JSON numbers', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const dir = await mkdtemp(join(tmpdir(), 'aop-html-'));
  const written = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', '', fixedReport, renderHtml(fixedReport));
  // The numbers are checked against the JSON twin as written, not against the value in memory.
  const report = JSON.parse(await readFile(written.jsonPath, 'utf8')) as Report;
  const opened = await openFile(await launchBrowser(t), written.htmlPath ?? '');
  const { page } = opened;

  // rate, latency, /health; inline's Gantt and CPU (pool has neither timeline nor CPU samples).
  assert.equal(await assertPageSound(opened), 5);
  assert.deepEqual(await tableCells(page, 'results'), resultsTable(report).rows);
  for (const run of report.runs) {
    if (run.state !== 'measured') continue;
    const cells = await page
      .locator('table.results tbody tr', { hasText: run.variant })
      .locator('td')
      .allTextContents();
    const ci = run.requestsPerSecondCi95!;
    assert.equal(cells[1], `${run.requestsPerSecond.toFixed(1)} ±${((ci[1] - ci[0]) / 2).toFixed(1)}`, 'req/s ±95%');
    assert.equal(cells[4], String(run.requests), 'requests');
    const p99 = run.latencyPercentiles.p99;
    const shown = p99?.state === 'at-least' ? `≥ ${p99.bound} (n = ${p99.n})` : run.latencyMs?.p99;
    assert.equal(cells[8]?.startsWith('≥') ? cells[8] : Number(cells[8]), shown, 'p99 ms: a bound below 368 answers');
  }
  assert.deepEqual(await tableCells(page, 'window'), windowTable(report).rows);
  assert.deepEqual(await sentencesMissing(page, findings(report)), [], 'every finding on the page');

  await assertFitsA4(page);
});
