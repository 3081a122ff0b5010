// What every program refuses before it sends any load: a reports folder it could not write. One
// line naming the flag, nothing run, nothing written.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOADTEST_MAIN, runCli } from './helpers/cli.ts';

const PROGRAMS = {
  loadtest: LOADTEST_MAIN,
  sweep: fileURLToPath(new URL('../loadtests/sweep/main.ts', import.meta.url)),
  fastapi: fileURLToPath(new URL('../fastapi/main.ts', import.meta.url)),
  bench: fileURLToPath(new URL('../bench/main.ts', import.meta.url)),
} as const;

const refusal = (path: string, why: string): string =>
  `error: option '--reports-dir <path>' argument '${path}' is invalid. Allowed: a folder this run can write to, or a path where one can be made; ${why}.`;

for (const [name, main] of Object.entries(PROGRAMS)) {
  test(`${name}: a --reports-dir under a file is refused before any load, in one line`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aop-reports-dir-'));
    const file = join(dir, 'file');
    await writeFile(file, 'x');
    const result = await runCli(main, ['--reports-dir', join(file, 'reports')]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim(), refusal(join(file, 'reports'), `${file} is a file`));
    assert.equal(result.stdout, '');
  });
}

test('loadtest: a --reports-dir where no folder can be made is refused; a missing one is made and left empty', async () => {
  const result = await runCli(LOADTEST_MAIN, ['--reports-dir', '/proc/aop-reports']);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim(), refusal('/proc/aop-reports', 'a folder cannot be made in /proc'));
  const parent = await mkdtemp(join(tmpdir(), 'aop-reports-dir-'));
  const made = join(parent, 'new', 'reports');
  // Nothing answers on port 1: the run fails at once, after the check made the folder and removed its probe.
  const checked = await runCli(LOADTEST_MAIN, ['--reports-dir', made, '--quick', '--target', 'http://127.0.0.1:1/']);
  assert.equal(checked.code, 1);
  assert.deepEqual(await readdir(made), [], 'made, and the probe file removed');
});
