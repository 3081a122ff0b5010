// The pack as a user installs it: `npm pack`, the tarball installed into a project of the user's own,
// and its command run there on a TypeScript handler that imports a package only that project has.
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, type TestContext, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { COMMANDS } from '../bin/commands.ts';
import { npmMissing, type PackedProject, packedProject, weighOf } from './helpers/packed-project.ts';

const BIN = fileURLToPath(new URL('../bin/async-or-pool.js', import.meta.url));
/** Pack, install and a --quick run of two variants take about 30 s here; this only bounds a hang. */
const RUN_BOUND_MS = 240_000;
const skip = npmMissing() ?? false;
const execFileAsync = promisify(execFile);

interface ReportRun {
  readonly variant: string;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
}
interface ReportJson {
  readonly command: string;
  readonly commit: string;
  readonly parameters: { readonly workload: { readonly handler: { readonly path: string } | null } };
  readonly runs: readonly ReportRun[];
}

test('every command of the bin shows the --help of the program its make target runs', async () => {
  const help = async (args: readonly string[]): Promise<string> =>
    (await execFileAsync(process.execPath, [...args, '--help'], { encoding: 'utf8' })).stdout;
  for (const [name, command] of Object.entries(COMMANDS)) {
    const entry = fileURLToPath(new URL(command.entry, new URL('../bin/', import.meta.url)));
    const [viaBin, viaMake] = await Promise.all([help([BIN, name]), help(['--import', 'tsx', entry])]);
    assert.equal(viaBin, viaMake, name);
  }
});

/** Starts the installed bin's server in the project; resolves with its listening line's pid and port. */
function startBinServer(t: TestContext, project: PackedProject, args: readonly string[]) {
  const child = spawn(project.bin, ['server', '--port', '0', '--quiet', ...args], {
    cwd: project.dir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const listening = new Promise<{ pid: number; port: number }>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('"listening"')) resolve(JSON.parse(line) as { pid: number; port: number });
    });
    void exited.then((status) => reject(new Error(`the server exited before it listened: ${JSON.stringify(status)}`)));
  });
  return { child, exited, listening };
}

describe('installed from its tarball into another project', { skip, timeout: RUN_BOUND_MS }, () => {
  let project: PackedProject;
  before(() => {
    project = packedProject();
  });
  after(() => project?.remove());

  test('npx async-or-pool loadtest --handler ./handler.ts: the report lands in the project and names it', () => {
    const args = ['async-or-pool', 'loadtest', '--handler', './handler.ts', '--variants', 'inline,pool', '--quick'];
    execFileSync('npx', args, { cwd: project.dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: RUN_BOUND_MS });
    const written = readdirSync(join(project.dir, 'reports'));
    const json = written.find((name) => name.endsWith('.json'));
    assert.ok(json !== undefined, `no .json report in ${written.join(', ')}`);
    for (const twin of ['.md', '.html']) assert.ok(written.includes(json.replace(/\.json$/, twin)), twin);
    const report = JSON.parse(readFileSync(join(project.dir, 'reports', json), 'utf8')) as ReportJson;
    assert.equal(report.parameters.workload.handler?.path, 'handler.ts');
    assert.equal(report.command, 'async-or-pool loadtest --handler ./handler.ts --variants inline,pool --quick');
    assert.match(report.commit, /^none \(async-or-pool \d+\.\d+\.\d+, not a git checkout\)$/);
    assert.match(readFileSync(join(project.dir, 'reports', json.replace(/\.json$/, '.md')), 'utf8'), /handler\.ts/);
    // A handler that failed to load in the pool's workers would answer 500s: every answer is a 2xx.
    assert.deepEqual(
      report.runs.map(({ variant, errors, non2xx }) => ({ variant, errors, non2xx })),
      ['inline', 'pool'].map((variant) => ({ variant, errors: 0, non2xx: 0 })),
    );
    for (const run of report.runs) assert.ok(run.requests > 0, `${run.variant} answered nothing in its window`);
    const packReports = readdirSync(join(project.dir, 'node_modules', 'async-or-pool', 'reports'));
    assert.deepEqual(packReports, ['README.md'], 'nothing is written inside the installed pack');
  });

  for (const variant of ['pool', 'cluster'] as const) {
    test(`async-or-pool server --variant ${variant} is the server process and runs the handler's import`, async (t) => {
      const server = startBinServer(t, project, ['--variant', variant, '--handler', './handler.ts']);
      const { pid, port } = await server.listening;
      // No wrapper between a process manager and the server: the pid it signals is the one that listens.
      assert.equal(pid, server.child.pid);
      for (const clientId of [3, 4, 5]) {
        const answer = await (await fetch(`http://127.0.0.1:${port}/${clientId}`)).json();
        assert.deepEqual(answer, { clientId, weight: weighOf(clientId) });
      }
      server.child.kill('SIGTERM');
      assert.deepEqual(await server.exited, { code: 0, signal: null });
    });
  }
});
