// Every example report opens with its answer: in Chromium at 1280 × 800 the answer and the hero
// chart lie within the first screen; in the markdown the answer lies within the first 25 lines; the
// fastapi example stays short before its appendix and with every <details> closed.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserOrSkip, launchBrowser, openFile } from './helpers/browser.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'reports', 'examples');
const SCREEN = { width: 1280, height: 800 } as const;
const ANSWER_WITHIN_LINES = 25;
const FASTAPI_MAX_LINES_BEFORE_APPENDIX = 250;
const FASTAPI_MAX_HEIGHT_PX = 6000;

const examples = async (ext: string): Promise<string[]> =>
  (await readdir(EXAMPLES)).filter((name) => name.endsWith(ext)).map((name) => join(EXAMPLES, name));

test('markdown: the answer within the first 25 lines; fastapi at most 250 lines before its appendix', async () => {
  for (const path of await examples('.md')) {
    const lines = (await readFile(path, 'utf8')).split('\n');
    const answer = lines.indexOf('## The answer');
    assert.ok(answer >= 0 && answer < ANSWER_WITHIN_LINES, `${path}: answer at line ${answer + 1}`);
    assert.ok(lines[answer + 2]?.startsWith('- '), `${path}: the answer's first line follows its heading`);
    if (path.includes('fastapi')) {
      const appendix = lines.indexOf('## Appendix');
      assert.ok(appendix > 0 && appendix <= FASTAPI_MAX_LINES_BEFORE_APPENDIX, `${path}: appendix at ${appendix + 1}`);
    }
  }
});

test('in Chromium at 1280 × 800: the answer and the hero chart on the first screen', async (t) => {
  if (!(await browserOrSkip(t))) return;
  const context = await launchBrowser(t);
  for (const path of await examples('.html')) {
    const { page } = await openFile(context, path);
    await page.setViewportSize(SCREEN);
    for (const id of ['answer', 'hero']) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(
        box !== null && box.y + box.height <= SCREEN.height,
        `${path}: #${id} ends at ${box && box.y + box.height} px`,
      );
    }
    if (path.includes('fastapi')) {
      const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
      assert.ok(height <= FASTAPI_MAX_HEIGHT_PX, `${path}: ${height} px tall with every <details> closed`);
    }
    await page.close();
  }
});
