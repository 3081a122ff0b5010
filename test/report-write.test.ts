// Writing a report: unique names, never half-written, never overwriting, one clear error when it cannot.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { writeReport } from '../loadtests/report/write.ts';
import { fixedReport } from './fixtures/report.ts';

test('reports: the same second twice gives two reports, neither overwritten, no temp file left', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-reports-'));
  const first = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', 'first\n', { n: 1 });
  const second = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', 'second\n', { n: 2 });
  assert.equal(first.markdownPath, join(dir, '2026-11-24T19-08-14Z-curl-loops.md'));
  assert.equal(second.markdownPath, join(dir, '2026-11-24T19-08-14Z-2-curl-loops.md'));
  assert.equal(await readFile(first.markdownPath, 'utf8'), 'first\n');
  assert.deepEqual(JSON.parse(await readFile(second.jsonPath, 'utf8')), { n: 2 });
  assert.deepEqual((await readdir(dir)).sort(), [
    '2026-11-24T19-08-14Z-2-curl-loops.json',
    '2026-11-24T19-08-14Z-2-curl-loops.md',
    '2026-11-24T19-08-14Z-curl-loops.json',
    '2026-11-24T19-08-14Z-curl-loops.md',
  ]);
});

test('reports: a reports path that cannot be a folder gives one clear error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aop-reports-'));
  const notAFolder = join(dir, 'file');
  await writeFile(notAFolder, 'x');
  await assert.rejects(writeReport(join(notAFolder, 'reports'), fixedReport.dateUtc, 'curl-loops', 'x', {}), {
    name: 'ReportWriteError',
    message: new RegExp(`^cannot write the report to ${notAFolder}/reports: ENOTDIR`),
  });
});

/**
 * A small tmpfs of our own, unmounted after the test; null where mounting is not permitted.
 * (We run as root, so chmod cannot make a folder unwritable for us; a read-only mount can.)
 */
async function ownTmpfs(t: TestContext, sizeBytes: number): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), 'aop-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    await rmdir(dir);
    return null;
  }
  t.after(async () => {
    execFileSync('umount', [dir]);
    await rmdir(dir);
  });
  return dir;
}

const FIRST_REPORT = ['2026-11-24T19-08-14Z-curl-loops.json', '2026-11-24T19-08-14Z-curl-loops.md'];

test('reports: a read-only reports folder gives one clear error and the earlier report stays intact', async (t) => {
  const dir = await ownTmpfs(t, 2 ** 20);
  if (dir === null) return t.skip('mounting a tmpfs is not permitted here');
  const earlier = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', 'first\n', { n: 1 });
  execFileSync('mount', ['-o', 'remount,ro', dir]);
  await assert.rejects(writeReport(dir, fixedReport.dateUtc, 'curl-loops', 'second\n', { n: 2 }), {
    name: 'ReportWriteError',
    message: `cannot write the report to ${dir}: not writable`,
  });
  // A reports folder still to be made says the same, not the ENOENT that Node's recursive mkdir gives.
  await assert.rejects(writeReport(join(dir, 'reports'), fixedReport.dateUtc, 'curl-loops', 'second\n', { n: 2 }), {
    name: 'ReportWriteError',
    message: `cannot write the report to ${join(dir, 'reports')}: not writable`,
  });
  assert.equal(await readFile(earlier.markdownPath, 'utf8'), 'first\n');
  assert.deepEqual((await readdir(dir)).sort(), FIRST_REPORT);
});

test('reports: a full disk gives one clear error, leaves no partial file and the earlier report intact', async (t) => {
  const dir = await ownTmpfs(t, 64 * 1024);
  if (dir === null) return t.skip('mounting a tmpfs is not permitted here');
  const earlier = await writeReport(dir, fixedReport.dateUtc, 'curl-loops', 'first\n', { n: 1 });
  await assert.rejects(writeReport(dir, fixedReport.dateUtc, 'curl-loops', 'x'.repeat(2 ** 20), { n: 2 }), {
    name: 'ReportWriteError',
    message: `cannot write the report to ${dir}: the disk is full`,
  });
  assert.deepEqual(JSON.parse(await readFile(earlier.jsonPath, 'utf8')), { n: 1 });
  assert.deepEqual((await readdir(dir)).sort(), FIRST_REPORT, 'the half-written temp file was removed');
});
