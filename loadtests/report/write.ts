// Writes a report, its .json twin and, where given, its .html page. Each is written to a temp file first and then linked to a
// new, unique name: a reader never sees half a report, and no earlier report is overwritten.
import { mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Two runs in the same second get -2, -3…; past this many something else is wrong. */
const MAX_SAME_STAMP = 1_000;

export class ReportWriteError extends Error {
  override name = 'ReportWriteError';
}

export interface WrittenReport {
  readonly markdownPath: string;
  readonly jsonPath: string;
  /** null when no page was given (a report kind without a page of its own). */
  readonly htmlPath: string | null;
}

/** The terminal's last line: where the report went, the page first, since that is what a person opens. */
export function writtenLine(written: WrittenReport): string {
  if (written.htmlPath === null) return `report: ${written.markdownPath} (+ .json)`;
  return `report: ${written.htmlPath} (open it in a browser; the same report as .md, its numbers as .json)`;
}

/** 2026-11-24T19:30:01.123Z -> 2026-11-24T19-30-01Z: sortable, and legal in every file system. */
export function fileStamp(dateUtc: string): string {
  return `${dateUtc.slice(0, 19).replaceAll(':', '-')}Z`;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const hint =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'not writable'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : undefined;
  return hint ?? (error instanceof Error ? error.message : String(error));
}

/** Links `from` to `to` unless `to` exists. Returns false when it does. */
async function linkNew(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

async function isPresent(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** mkdir -p one level at a time: Node's recursive mkdir says ENOENT where the cause is EROFS or EACCES. */
async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); !(await isPresent(at)); at = dirname(at)) missing.unshift(at);
  for (const level of missing) {
    await mkdir(level).catch((error: unknown) => {
      if (errorCode(error) !== 'EEXIST') throw error; // another run made it first
    });
  }
}

/** Why `dir` cannot hold reports, in a few words, or null when it can. */
function unwritableBecause(code: string | undefined, at: string): string {
  if (code === 'ENOTDIR' || code === 'EEXIST') return `${at} is a file`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `${at} is not writable`;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOENT') return `a folder cannot be made in ${at}`;
  return `${at}: ${code ?? 'unknown error'}`;
}

/**
 * Makes `dir` if missing (one level at a time, as writeReport does) and writes and removes a probe
 * file in it, before any load is sent: null when reports can be written there, else why not.
 */
export function reportsDirProblem(dir: string): string | null {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) return unwritableBecause('ENOTDIR', at);
      break;
    } catch (error) {
      // ENOTDIR: a file further up the path, which the walk up finds and names.
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR')
        return unwritableBecause(errorCode(error), at);
      missing.unshift(at);
      at = dirname(at);
    }
  }
  const probe = join(resolve(dir), `.probe-${process.pid}`);
  let current = at;
  try {
    for (const level of missing) {
      current = level;
      mkdirSync(level);
    }
    current = probe;
    writeFileSync(probe, '');
    unlinkSync(probe);
    return null;
  } catch (error) {
    return unwritableBecause(errorCode(error), current === probe ? resolve(dir) : dirname(current));
  }
}

export async function writeReport(
  dir: string,
  dateUtc: string,
  scenario: string,
  markdown: string,
  json: unknown,
  html: string | null = null,
): Promise<WrittenReport> {
  const temp = join(dir, `.writing-${process.pid}-${Date.now()}`);
  const temps = { md: `${temp}.md`, json: `${temp}.json`, html: `${temp}.html` };
  try {
    await makeDirectory(dir);
    await writeFile(temps.md, markdown);
    await writeFile(temps.json, `${JSON.stringify(json, null, 2)}\n`);
    if (html !== null) await writeFile(temps.html, html);
    for (let n = 1; n <= MAX_SAME_STAMP; n++) {
      const base = join(dir, `${fileStamp(dateUtc)}${n === 1 ? '' : `-${n}`}-${scenario}`);
      const paths = {
        markdownPath: `${base}.md`,
        jsonPath: `${base}.json`,
        htmlPath: html === null ? null : `${base}.html`,
      };
      // The .json claims the name; the .md and .html follow it, or the claim is given back.
      if (!(await linkNew(temps.json, paths.jsonPath))) continue;
      if (await linkNew(temps.md, paths.markdownPath)) {
        if (paths.htmlPath === null || (await linkNew(temps.html, paths.htmlPath))) return paths;
        await unlink(paths.markdownPath);
      }
      await unlink(paths.jsonPath);
    }
    throw new ReportWriteError(`cannot find a free report name in ${dir} after ${MAX_SAME_STAMP} tries`);
  } catch (error) {
    if (error instanceof ReportWriteError) throw error;
    throw new ReportWriteError(`cannot write the report to ${dir}: ${describe(error)}`);
  } finally {
    await Promise.allSettled([unlink(temps.md), unlink(temps.json), unlink(temps.html)]);
  }
}
