// Where a report's numbers come from: the machine, the software, the commit and the command.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import type { Machine, Provenance } from '../report/model.ts';

/** The packages whose versions shape the numbers; each report names them. */
const MEASURED_PACKAGES = ['hono', '@hono/node-server', 'piscina', 'autocannon'] as const;

export function machine(): Machine {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of MEASURED_PACKAGES) {
    const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    try {
      versions[name] = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}

/** The short commit, marked when the working tree differs from it. */
function gitCommit(): string {
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === ''
      ? commit
      : `${commit} (with uncommitted changes)`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** The command as a person would type it again: `npm run <script> -- <argv>`. */
export function commandLine(script: string, argv: readonly string[]): string {
  const quoted = argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
  return quoted.length === 0 ? `npm run ${script}` : [`npm run ${script} --`, ...quoted].join(' ');
}

/** Everything a report opens with, for a run of `command` started at dateUtc. */
export function provenance(command: string, dateUtc: string): Provenance {
  return { command, dateUtc, commit: gitCommit(), machine: machine(), packages: packageVersions() };
}
