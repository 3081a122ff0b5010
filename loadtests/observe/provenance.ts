// Where a report's numbers come from: the machine, the software, the commit and the command.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, hostname, platform, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Machine, Provenance } from '../report/model.ts';

/** The packages whose versions shape the numbers; each report names them. */
const MEASURED_PACKAGES = ['hono', '@hono/node-server', 'piscina', 'autocannon'] as const;

export function machine(): Machine {
  const cores = cpus();
  return {
    hostname: hostname(),
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

/** The pack's own folder: the clone, or node_modules/async-or-pool when it is installed. */
const PACK_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const versionIn = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;

/** Where Node finds it for the pack: its own node_modules, then each folder's above (where npm hoists). */
function installedVersion(name: string): string {
  for (let at = PACK_ROOT; ; at = dirname(at)) {
    const file = join(at, 'node_modules', name, 'package.json');
    if (existsSync(file)) return versionIn(file);
    if (dirname(at) === at) return 'not installed';
  }
}

function packageVersions(): Record<string, string> {
  return Object.fromEntries(MEASURED_PACKAGES.map((name) => [name, installedVersion(name)]));
}

/** The short commit, marked when the working tree differs from it. */
function gitCommit(): string {
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: PACK_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    // An installed pack lives inside the user's project, whose own repository is not the pack's.
    if (resolve(git('rev-parse', '--show-toplevel')) !== resolve(PACK_ROOT)) throw new Error('not the pack');
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === ''
      ? commit
      : `${commit} (with uncommitted changes)`;
  } catch {
    return `none (async-or-pool ${versionIn(join(PACK_ROOT, 'package.json'))}, not a git checkout)`;
  }
}

/** Set by the package's command (bin/commands.ts) for the program it starts: how the user called it. */
export const INVOKED_AS_ENV = 'ASYNC_OR_POOL_INVOKED_AS';

/** The command as a person would type it again: `npm run <script> -- <argv>`, or `async-or-pool <script> <argv>`. */
export function commandLine(script: string, argv: readonly string[]): string {
  const quoted = argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
  const bin = process.env[INVOKED_AS_ENV];
  if (bin !== undefined) return [`${bin} ${script}`, ...quoted].join(' ');
  return quoted.length === 0 ? `npm run ${script}` : [`npm run ${script} --`, ...quoted].join(' ');
}

/** Everything a report opens with, for a run of `command` started at dateUtc. */
export function provenance(command: string, dateUtc: string): Provenance {
  return { command, dateUtc, commit: gitCommit(), machine: machine(), packages: packageVersions() };
}
