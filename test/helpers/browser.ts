// Debian's headless Chromium, driven by playwright-core, for tests that open a page from file://.
// playwright-core downloads no browser: it only drives the one at CHROMIUM_PATH. Every request
// that is not for a file:// URL is aborted and recorded, so a test can assert that none was made.
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A fresh browser with a fresh profile, closed and removed after the test. */
export async function launchBrowser(t: TestContext): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'aop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 900 },
  });
  t.after(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
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
