// The one report document and its renderers, from a fixed document and fixed comparisons: the
// answer first, folded blocks in the appendix or <details>, the terminal ending with the answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHtml } from '../loadtests/document/html.ts';
import { renderMarkdown } from '../loadtests/document/markdown.ts';
import { ANSWER_MAX_LINES, details, notes, type ReportDocument, table } from '../loadtests/document/model.ts';
import { comparisonSentence, textBars } from '../loadtests/document/phrases.ts';
import { renderTerminal } from '../loadtests/document/terminal.ts';
import { compare } from '../loadtests/stats/compare.ts';
import { fromInterval } from '../loadtests/stats/log-estimate.ts';
import { fixedReport } from './fixtures/report.ts';
import { renderMarkdown as loadtestMarkdown } from './helpers/documents.ts';

const cells = { columns: [{ header: 'variant', align: 'left' as const }], rows: [['inline'], ['pool']] };
const document: ReportDocument = {
  title: 'A title',
  provenance: ['Date (UTC): today'],
  answer: ['pool served 2.00× inline.', 'Use `pool`.'],
  hero: { caption: 'req/s', svg: '<svg class="chart"></svg>', text: ['inline ██', 'pool   ████'], mermaid: null },
  sections: [
    {
      title: 'Throughput',
      conclusion: 'pool served more.',
      blocks: [table(cells, 'results'), notes(['A finding.', null]), details('Per client', [notes(['Folded.'])])],
    },
  ],
};

test('markdown: the answer and the hero first, the folded block in the appendix at the end, no ANSI', () => {
  const lines = renderMarkdown(document).split('\n');
  assert.deepEqual(lines.slice(0, 6), [
    '# A title',
    '',
    '## The answer',
    '',
    '- pool served 2.00× inline.',
    '- Use `pool`.',
  ]);
  assert.ok(lines.indexOf('inline ██') < lines.indexOf('## Where these numbers come from'));
  assert.ok(lines.includes('**pool served more.**'), 'the section led by its conclusion');
  assert.ok(lines.includes('Per client: [in the appendix](#appendix).'));
  assert.ok(lines.indexOf('## Appendix') < lines.indexOf('### Throughput: Per client'));
  assert.ok(lines.indexOf('### Throughput: Per client') < lines.indexOf('- Folded.'));
  assert.doesNotMatch(renderMarkdown(document), /\u001b\[/);
});

test('HTML: the answer, then the hero, the folded block in <details>; terminal: ends with the answer', () => {
  const html = renderHtml(document);
  assert.ok(html.indexOf('id="answer"') < html.indexOf('id="hero"'));
  assert.ok(html.indexOf('id="hero"') < html.indexOf('Where these numbers come from'));
  assert.match(html, /<details><summary>Per client<\/summary><ul class="findings"><li>Folded\.<\/li><\/ul><\/details>/);
  const text = renderTerminal(document).replace(/\u001b\[[0-9;]*m/g, '');
  assert.ok(text.endsWith('The answer: A title\npool served 2.00× inline.\nUse `pool`.'), text);
  assert.ok(!text.includes('Folded.'), 'the terminal leaves folded evidence to the files');
});

test('a comparison puts the larger first, with its interval and its outcome', () => {
  const named = (label: string, value: number, ci95: readonly [number, number]) => ({
    label,
    estimate: fromInterval(value, ci95, 9, 1)!,
  });
  const said = (a: ReturnType<typeof named>, b: ReturnType<typeof named>) =>
    comparisonSentence(compare(a, b, { metric: 'req/s' }));
  const inline = named('inline', 10, [9.5, 10.5]);
  const pool = named('pool', 20, [19, 21]);
  // Either order, the same sentence: pool's is the larger rate.
  assert.equal(said(inline, pool), said(pool, inline));
  assert.match(said(inline, pool), /^pool served 2\.00× \[1\.\d\d–2\.\d\d\] inline's req\/s: differs$/);
  const close = named('cluster', 20.02, [20.0, 20.04]);
  assert.match(
    said(named('pool', 20, [19.98, 20.02]), close),
    /^cluster served 1\.00× .* pool's req\/s: equivalent within ±5%$/,
  );
  assert.match(
    said(named('libuv', 21, [17, 25]), pool),
    /^libuv served 1\.05× \[[\d.]+–[\d.]+\] pool's req\/s: inconclusive: needs ~\d+ more rounds?$/,
  );
  assert.deepEqual(
    textBars([
      { label: 'a', value: 1, shown: '1' },
      { label: 'bb', value: null, shown: '-' },
    ]),
    [`a  ${'█'.repeat(30)} 1`, `bb ${' '.repeat(30)} -`],
  );
});

test("a loadtest report's answer: at most six lines, within the markdown's first 25", () => {
  const lines = loadtestMarkdown(fixedReport).split('\n');
  const start = lines.indexOf('## The answer');
  const answer = lines.slice(start + 2, lines.indexOf('', start + 2));
  assert.ok(start >= 0 && start + 2 + answer.length < 25);
  assert.ok(answer.length > 0 && answer.length <= ANSWER_MAX_LINES, answer.join('\n'));
  assert.equal(answer[0], "- pool served 1.94× [1.88–1.99] inline's req/s: differs (54.8 ±1.1 vs 28.3 ±0.6 req/s).");
  assert.equal(answer.at(-1), '- Use `--variant pool --pool-size 2`: it served the most req/s.');
});
