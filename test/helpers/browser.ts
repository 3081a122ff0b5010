// Debian's headless Chromium, driven by playwright-core, for tests that open a page from file://.
// playwright-core downloads no browser: it only drives the one at CHROMIUM_PATH. Every request
// that is not for a file:// URL is aborted and recorded, so a test can assert that none was made.
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's `chromium` package; another build can be named with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no sandbox (tests run as root), and none of Chromium's own calls home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenedPage {
  readonly page: Page;
  /** Console messages of type error, and uncaught page errors. */
  readonly errors: string[];
  /** Every request the page made that was not for a file:// URL (each was aborted). */
  readonly offsite: string[];
}

/**
 * The browser, or the one-line reason it cannot be had. Outside CI a missing Chromium is a
 * reason to skip; in CI (CI=true, where .ci/run installs it) the caller fails instead.
 */
export async function chromiumMissing(): Promise<string | null> {
  try {
    await access(CHROMIUM_PATH);
    return null;
  } catch {
    return `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  }
}

/** The browser, or a skip outside CI; in CI a missing browser fails (.ci/run installs it). */
export async function browserOrSkip(t: TestContext): Promise<boolean> {
  const missing = await chromiumMissing();
  if (missing === null) return true;
  if (process.env.CI === 'true') assert.fail(missing);
  t.skip(missing);
  return false;
}

/** A fresh browser with a fresh profile; close() ends it and removes the profile. */
export async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'aop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
  });
  const close = async (): Promise<void> => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** A fresh browser with a fresh profile, closed and removed after the test. */
export async function launchBrowser(t: TestContext): Promise<BrowserContext> {
  const { context, close } = await openBrowser();
  t.after(close);
  return context;
}

export async function openFile(context: BrowserContext, path: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(`file://${path}`, { waitUntil: 'load' });
  return { page, errors, offsite };
}

/** A4's width less the print margins (210 − 2 × 12 mm) in CSS px: what a printed page has room for. */
export const A4_PRINT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

/**
 * What every report page must do in the browser: no console error, no request off the page, and
 * every chart drawn with a size and with at least one value (an empty chart, axes and lanes only, fails). Returns
 * the number of charts, for the caller to compare with what the report should draw.
 */
export async function assertPageSound({ page, errors, offsite }: OpenedPage): Promise<number> {
  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(offsite, [], 'no request left the page');
  // Charts folded in <details> are drawn only when opened: open them all, as a reader may.
  await page.evaluate("document.querySelectorAll('details').forEach((folded) => { folded.open = true; })");
  const charts = await page.locator('svg.chart').all();
  for (const chart of charts) {
    const box = await chart.boundingBox();
    const title = await chart.locator('title').first().textContent();
    assert.ok(
      box !== null && box.width > 100 && box.height > 50,
      `${title}: drawn with a size (${JSON.stringify(box)})`,
    );
    assert.ok((await chart.locator('rect, path').count()) > 2, `${title}: has marks, not only a frame`);
    // Every data mark (a bar, a request, a CPU sample) carries its value as a tooltip; axes and lanes do not.
    assert.ok((await chart.locator('rect > title, path > title').count()) > 0, `${title}: draws at least one value`);
  }
  return charts.length;
}

/** In print on A4, the page is no wider than the paper: no table or chart runs off its edge. */
export async function assertFitsA4(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_PRINT_WIDTH_PX, height: 1000 });
  const printWidth = await page.evaluate('document.documentElement.scrollWidth');
  assert.ok(
    Number(printWidth) <= A4_PRINT_WIDTH_PX,
    `in print, ${printWidth} px wide for ${A4_PRINT_WIDTH_PX} px of A4`,
  );
}

/** The table of class `name`: each row's cells as the reader sees them (header cell included). */
export async function tableCells(page: Page, name: string): Promise<string[][]> {
  const rows = await page.locator(`table.${name} tbody tr`).all();
  return Promise.all(rows.map((row) => row.locator('th, td').allTextContents()));
}

/**
 * Every sentence the page states, in its order: the answer, each section's conclusion and its
 * notes, folded ones included. Returns those of `expected` it does not show, in their order.
 */
export async function sentencesMissing(page: Page, expected: readonly string[]): Promise<string[]> {
  const shown = new Set(await page.locator('li, p.conclusion').allTextContents());
  return expected.map((sentence) => sentence.replaceAll('`', '')).filter((sentence) => !shown.has(sentence));
}
