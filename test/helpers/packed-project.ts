// A user's project with the pack installed from its tarball, as `npm install async-or-pool` would do:
// the tarball `npm pack` makes, a project of its own with one dependency the pack does not have (a
// local `file:` package, so no registry is needed for it) and a TypeScript handler that imports it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACK_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Why the test cannot run here, or null when npm is on PATH. */
export function npmMissing(): string | null {
  const npm = spawnSync('npm', ['--version'], { stdio: 'ignore' });
  return npm.error === undefined && npm.status === 0 ? null : 'npm is not on PATH: cannot pack or install the package';
}

/** What the handler answers for a client id: tiny-dep's weigh(id), computed by the dependency only. */
export const weighOf = (clientId: number): number => clientId * 7 + 1;

const TINY_DEP = {
  'package.json': JSON.stringify({ name: 'tiny-dep', version: '1.0.0', type: 'module', exports: './index.js' }),
  'index.js': 'export const weigh = (n) => n * 7 + 1;\n',
};

/** TypeScript (a type the pack's tsx must strip) importing a package only the project has. */
const HANDLER = `import { weigh } from 'tiny-dep';
interface Input { readonly clientId: number; readonly body: Uint8Array | null }
export default ({ clientId }: Input): { clientId: number; weight: number } => ({ clientId, weight: weigh(clientId) });
`;

export interface PackedProject {
  readonly dir: string;
  /** The installed command, node_modules/.bin/async-or-pool. */
  readonly bin: string;
  readonly remove: () => void;
}

/** Bounds npm: with the cache filled it takes seconds; without it, a missing registry is not a hang. */
const NPM_BOUND_MS = 180_000;

const run = (command: string, args: readonly string[], cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: NPM_BOUND_MS });

/**
 * Packs the pack and installs the tarball into a fresh project. Its dependencies come from the npm
 * cache that `npm ci` filled (--prefer-offline), so a run of `make test` does not ask the registry again.
 */
export function packedProject(): PackedProject {
  const root = mkdtempSync(join(tmpdir(), 'aop-package-'));
  const remove = (): void => rmSync(root, { recursive: true, force: true });
  try {
    run('npm', ['pack', '--silent', '--pack-destination', root], PACK_ROOT);
    const tarball = readdirSync(root).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack left no tarball in ${root}`);
    const dir = join(root, 'project');
    mkdirSync(join(dir, 'tiny-dep'), { recursive: true });
    for (const [name, text] of Object.entries(TINY_DEP)) writeFileSync(join(dir, 'tiny-dep', name), text);
    const manifest = {
      name: 'handler-project',
      private: true,
      type: 'module',
      dependencies: { 'tiny-dep': 'file:./tiny-dep' },
    };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'handler.ts'), HANDLER);
    // A project in a repository of its own: the report must not take that repository's commit for the pack's.
    run('git', ['init', '--quiet'], dir);
    run(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '--allow-empty', '-m', 'a'],
      dir,
    );
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(root, tarball)], dir);
    return { dir, bin: join(dir, 'node_modules', '.bin', 'async-or-pool'), remove };
  } catch (error) {
    remove();
    throw error;
  }
}
