// Ctrl-C during a Python row of make fastapi: the run exits 130 and leaves no uvicorn, no worker
// and no process-pool child behind. Needs uvicorn (make fastapi installs it); skipped without it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PYTHON_MODELS, rowLabel } from '../fastapi/rows.ts';
import { isAlive, startCli } from './helpers/cli.ts';

const FASTAPI_MAIN = fileURLToPath(new URL('../fastapi/main.ts', import.meta.url));

function uvicornMissing(): string | false {
  try {
    execFileSync('sh', ['-c', 'command -v uvicorn'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'uvicorn is not installed (make fastapi installs it)';
  }
}

/** Every live process in process group `pgid` (field 5 of /proc/N/stat). */
async function processGroupMembers(pgid: number): Promise<number[]> {
  const entries = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const members: number[] = [];
  for (const entry of entries) {
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
  }
  return members;
}

test('Ctrl-C while the process-pool app is measured stops uvicorn and its pool processes', {
  skip: uvicornMissing(),
}, async (t) => {
  // A short loop and 1 s windows: the Node rows and the first two Python rows pass quickly; the
  // pool row is interrupted inside its window (its calibration alone takes several requests more).
  const run = startCli(t, FASTAPI_MAIN, [
    '--clients',
    '2',
    '--loop-iterations',
    '20000000',
    '--iterations',
    '1000000',
    '--duration',
    '1',
    '--warmup',
    '0',
    '--no-report',
  ]);
  const label = rowLabel(PYTHON_MODELS.processPool.label, 2).replace(/[+]/g, '\\+');
  const pid = Number(await run.stderrLine(new RegExp(`^${label}: .*\\(server pid (\\d+)\\)`)));
  // The pool's processes are in uvicorn's process group (it was started detached, as its leader).
  assert.ok((await processGroupMembers(pid)).length >= 2, 'uvicorn and its pool processes were running');
  process.kill(run.pid, 'SIGINT');
  const result = await run.done;
  assert.equal(result.code, 130);
  assert.match(result.stderr, /SIGINT: stopping 1 server; no report is written/);
  assert.equal(isAlive(pid), false);
  assert.deepEqual(await processGroupMembers(pid), []);
});
