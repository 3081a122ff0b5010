// `npm run screenshot`: a full-page PNG of the newest HTML report of each kind in a folder
// (reports/examples by default), written beside it as <kind>.png: curl-loops.png, bench.png…
// Each page is first checked as the browser tests check one (no error, no request, every chart
// drawn), so a broken page is reported instead of pictured. Not a test: the tests use fixtures.
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assertPageSound, chromiumMissing, openBrowser, openFile } from './helpers/browser.ts';

const DEFAULT_DIR = 'reports/examples';
/** 2026-11-30T13-33-42Z-curl-loops.html, or …Z-2-curl-loops.html for a second run in that second. */
const REPORT_NAME = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(?:-\d+)?-(.+)\.html$/;

/** The newest page of each kind: names start with their UTC stamp, so the last in order is the newest. */
export function newestByKind(files: readonly string[]): Map<string, string> {
  const newest = new Map<string, string>();
  for (const file of [...files].sort()) {
    const kind = REPORT_NAME.exec(file)?.[1];
    if (kind !== undefined) newest.set(kind, file);
  }
  return newest;
}

const dir = resolve(process.argv[2] ?? DEFAULT_DIR);
const missing = await chromiumMissing();
if (missing !== null) {
  process.stderr.write(`error: ${missing}\n`);
  process.exit(1);
}
const pages = newestByKind(await readdir(dir));
if (pages.size === 0) {
  process.stderr.write(`error: no <stamp>-<kind>.html report in ${dir}\n`);
  process.exit(1);
}
const browser = await openBrowser();
try {
  for (const [kind, file] of pages) {
    const opened = await openFile(browser.context, join(dir, file));
    const charts = await assertPageSound(opened).catch((error: unknown) => {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}; no screenshot taken`);
    });
    // The picture is of the page as a reader first sees it: the evidence folded again.
    await opened.page.evaluate("document.querySelectorAll('details').forEach((folded) => { folded.open = false; })");
    const png = join(dir, `${kind}.png`);
    await opened.page.screenshot({ path: png, fullPage: true });
    process.stderr.write(`${png}: ${file}, ${charts} charts\n`);
    await opened.page.close();
  }
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
