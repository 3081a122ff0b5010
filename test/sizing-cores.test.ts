// Effective cores: cgroup quotas read from files the tests write, and from a real cgroup where
// this machine lets the test create one.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { describeCores, effectiveCores, parseCpuMax, parseProcCgroup } from '../server/cores.ts';

/** A fake filesystem root holding the given files (paths relative to it). */
function rootWith(t: TestContext, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aop-cores-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const V2_SELF = { 'proc/self/cgroup': '0::/app.slice/app.service\n' };
const V1_SELF = {
  'proc/self/cgroup': '12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n',
};

test('cgroup v2 with a quota: 150000 of every 100000 µs is 1.5 cores', (t) => {
  const root = rootWith(t, { ...V2_SELF, 'sys/fs/cgroup/app.slice/app.service/cpu.max': '150000 100000\n' });
  const cores = effectiveCores({ root, visible: 2 });
  assert.deepEqual(cores, { visible: 2, quota: 1.5, effective: 1.5 });
  assert.equal(describeCores(cores), '2 cores visible, 1.5 by cgroup quota');
});

test('cgroup v2 "max": no quota; a parent cgroup\'s quota still applies to its children', (t) => {
  const unlimited = rootWith(t, { ...V2_SELF, 'sys/fs/cgroup/app.slice/app.service/cpu.max': 'max 100000\n' });
  const cores = effectiveCores({ root: unlimited, visible: 2 });
  assert.deepEqual(cores, { visible: 2, quota: null, effective: 2 });
  assert.equal(describeCores(cores), '2 cores, no cgroup quota');
  const parentLimited = rootWith(t, {
    ...V2_SELF,
    'sys/fs/cgroup/app.slice/app.service/cpu.max': 'max 100000\n',
    'sys/fs/cgroup/app.slice/cpu.max': '50000 100000\n',
  });
  assert.deepEqual(effectiveCores({ root: parentLimited, visible: 2 }), { visible: 2, quota: 0.5, effective: 0.5 });
});

test('a quota above the visible cores leaves the visible ones as the effective count', (t) => {
  const root = rootWith(t, { ...V2_SELF, 'sys/fs/cgroup/cpu.max': '400000 100000' });
  assert.deepEqual(effectiveCores({ root, visible: 2 }), { visible: 2, quota: 4, effective: 2 });
});

test('cgroup v1 with a quota, and with -1 (none)', (t) => {
  const limited = rootWith(t, {
    ...V1_SELF,
    'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '250000\n',
    'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n',
  });
  assert.deepEqual(effectiveCores({ root: limited, visible: 4 }), { visible: 4, quota: 2.5, effective: 2.5 });
  const unlimited = rootWith(t, {
    ...V1_SELF,
    'sys/fs/cgroup/cpu/docker/abc/cpu.cfs_quota_us': '-1\n',
    'sys/fs/cgroup/cpu/docker/abc/cpu.cfs_period_us': '100000\n',
  });
  assert.deepEqual(effectiveCores({ root: unlimited, visible: 4 }), { visible: 4, quota: null, effective: 4 });
});

test("cgroup v1 mounted as the container's own root: the quota at the mount's top applies", (t) => {
  const root = rootWith(t, {
    ...V1_SELF,
    'sys/fs/cgroup/cpu/cpu.cfs_quota_us': '100000',
    'sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000',
  });
  const cores = effectiveCores({ root, visible: 2 });
  assert.deepEqual(cores, { visible: 2, quota: 1, effective: 1 });
  assert.equal(describeCores(cores), '2 cores visible, 1 by cgroup quota');
});

test('missing files and garbage: no quota, no crash', (t) => {
  assert.deepEqual(effectiveCores({ root: rootWith(t, {}), visible: 1 }), { visible: 1, quota: null, effective: 1 });
  assert.equal(describeCores({ visible: 1, quota: null, effective: 1 }), '1 core, no cgroup quota');
  const garbage = rootWith(t, {
    'proc/self/cgroup': 'not a cgroup line\n0::/x\n3:cpu:/y\n',
    'sys/fs/cgroup/x/cpu.max': 'lots 0\n',
    'sys/fs/cgroup/cpu/y/cpu.cfs_quota_us': 'abc',
    'sys/fs/cgroup/cpu/y/cpu.cfs_period_us': '0',
  });
  assert.deepEqual(effectiveCores({ root: garbage, visible: 2 }), { visible: 2, quota: null, effective: 2 });
  for (const text of ['', 'max', '0 100000', '100000 0', '-5 100000', '1.5 100000', '100000 100000 7'])
    assert.equal(parseCpuMax(text), null, JSON.stringify(text));
  assert.deepEqual(parseProcCgroup('garbage'), { v2: null, v1: null });
});

test('this machine: the reader runs on the real /proc and /sys and agrees with availableParallelism()', () => {
  const cores = effectiveCores();
  assert.equal(cores.visible, availableParallelism());
  assert.ok(cores.effective > 0 && cores.effective <= cores.visible);
});

/** Where this machine lets a process create a cgroup with a CPU quota, or why it does not. */
function writableQuotaCgroup(name: string): { dir: string; writeQuota(): void } | { skip: string } {
  const v2Root = '/sys/fs/cgroup';
  const v2Controllers = existsSync(join(v2Root, 'cgroup.subtree_control'))
    ? readFileSync(join(v2Root, 'cgroup.subtree_control'), 'utf8')
    : '';
  if (v2Controllers.split(/\s+/).includes('cpu')) {
    return { dir: join(v2Root, name), writeQuota: () => writeFileSync(join(v2Root, name, 'cpu.max'), '50000 100000') };
  }
  for (const mount of ['cpu,cpuacct', 'cpu']) {
    const v1Root = join('/sys/fs/cgroup', mount);
    if (existsSync(join(v1Root, 'cpu.cfs_quota_us'))) {
      return {
        dir: join(v1Root, name),
        writeQuota: () => writeFileSync(join(v1Root, name, 'cpu.cfs_quota_us'), '50000'),
      };
    }
  }
  return { skip: 'no cgroup v2 root with the cpu controller enabled and no cgroup v1 cpu hierarchy here' };
}

/** Prints effectiveCores() as JSON once a line arrives on stdin: by then the test has moved it into the cgroup. */
const CHILD = `process.stdin.once('data', async () => {
  const { effectiveCores } = await import(${JSON.stringify(new URL('../server/cores.ts', import.meta.url).href)});
  process.stdout.write(JSON.stringify(effectiveCores()));
  process.exit(0);
});`;

test('a real cgroup with a quota of half a core: a process moved into it sees 0.5', async (t) => {
  const place = writableQuotaCgroup(`aop-test-${process.pid}`);
  if ('skip' in place) return t.skip(place.skip);
  try {
    mkdirSync(place.dir);
    place.writeQuota();
  } catch (error) {
    rmdirIfThere(place.dir);
    return t.skip(`cannot create a cgroup with a quota here: ${(error as Error).message}`);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmdirIfThere(place.dir);
  });
  try {
    writeFileSync(join(place.dir, 'cgroup.procs'), String(child.pid));
  } catch (error) {
    return t.skip(`cannot move a process into a cgroup here: ${(error as Error).message}`);
  }
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stdin.end('go\n');
  await exited;
  const visible = availableParallelism();
  assert.deepEqual(JSON.parse(stdout), { visible, quota: 0.5, effective: Math.min(visible, 0.5) });
});

/** A cgroup is removed with rmdir (its files cannot be deleted), once no process is left in it. */
function rmdirIfThere(dir: string): void {
  if (existsSync(dir)) rmdirSync(dir);
}
