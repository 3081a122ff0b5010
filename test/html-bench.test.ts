// make bench's HTML page: every section of the markdown with the same cells, every closing-note
// sentence, a bar against its target for every ratio; then opened from file:// in headless
// Chromium with the network cut: no error, no request, every chart drawn, the JSON twin's numbers.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderBenchHtml } from './helpers/documents.ts';
import { closingNote } from '../bench/closing-note.ts';
import type { BenchReport } from '../bench/model.ts';
import { BENCH_SCRIPT } from '../bench/run.ts';
import { benchSections } from '../bench/sections.ts';
import { comparisons } from '../bench/targets.ts';
import { escapeHtml, inlineMarkdown } from '../loadtests/document/html.ts';
import { writeReport } from '../loadtests/report/write.ts';
import { fixedBenchReport } from './fixtures/bench-report.ts';
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

const rows = comparisons(fixedBenchReport);
const sections = benchSections(fixedBenchReport, rows);

test('the bench page holds every section, table cell and closing-note sentence, and nothing from outside', () => {
  const html = renderBenchHtml(fixedBenchReport);
  for (const section of sections) {
    assert.ok(html.includes(`<h2>${escapeHtml(section.title)}</h2>`), section.title);
    for (const cell of section.table.rows.flat()) assert.ok(html.includes(`>${escapeHtml(cell)}<`), cell);
    for (const note of section.notes) assert.ok(html.includes(inlineMarkdown(note)), note);
  }
  for (const sentence of closingNote(fixedBenchReport, rows)) assert.ok(html.includes(inlineMarkdown(sentence)));
  assertSelfContained(html);
});

test('every comparison has its bar, with its target or reference marked and its verdict written', () => {
  const html = renderBenchHtml(fixedBenchReport);
  const bars = [...html.matchAll(/<rect [^>]*><title>figure (\d+): ([^<]*)<\/title><\/rect>/g)];
  assert.equal(bars.length, rows.length, 'one bar per row of the ratios table');
  const charts = html.split('<svg class="chart"').length - 1;
  const marks = html.split('stroke-dasharray="4 2"').length - 1;
  // The comparisons' four charts (share targets, bounds in ×, limits in µs, the rest) each add one mark to their legend.
  assert.equal(marks, rows.length + 4, 'every bar has its dashed mark');
  assert.equal(charts, 8, 'four charts of comparisons, then figures 1, 2, 5 and 6');
  assert.match(
    html,
    /figure 1: Hono \/health req\/s \(median of runs\); target ≥ 85% of reference: no, 4\.6 points short/,
  );
  assert.match(html, /figure 4: inline req\/s, 4 clients; target ≥ 97% of reference: yes/);
});

test('in headless Chromium from file://: the bench page draws every chart, shows the JSON numbers, fits A4', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const dir = await mkdtemp(join(tmpdir(), 'aop-bench-html-'));
  const written = await writeReport(
    dir,
    fixedBenchReport.dateUtc,
    BENCH_SCRIPT,
    '',
    fixedBenchReport,
    renderBenchHtml(fixedBenchReport),
  );
  // The numbers are checked against the JSON twin as written, not against the value in memory.
  const report = JSON.parse(await readFile(written.jsonPath, 'utf8')) as BenchReport;
  const opened = await openFile(await launchBrowser(t), written.htmlPath ?? '');

  // Four comparison charts (share targets, bounds in ×, µs limits, the rest), then figures 1, 2, 5 and 6.
  assert.equal(await assertPageSound(opened), 8);
  for (const section of benchSections(report, comparisons(report)))
    assert.deepEqual(await tableCells(opened.page, section.id), section.table.rows, section.title);
  assert.deepEqual(
    await sentencesMissing(opened.page, closingNote(report, comparisons(report))),
    [],
    'every sentence on the page',
  );
  await assertFitsA4(opened.page);
});
