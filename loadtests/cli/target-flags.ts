// --target, --target-pid and --label: a server already running, measured instead of spawning one
// per variant. Each value is checked at the edge (a loopback URL, a live pid, a printable label).
import { type Command, InvalidArgumentError, Option } from 'commander';
import { intInRange, type IntRange } from '../../server/int-option.ts';
import { parseTargetUrl, remoteRefusal, TargetUrlError, type TargetUrl } from '../load/target-url.ts';
import { ancestorsOf } from '../observe/proc-snapshot.ts';

export const DEFAULT_TARGET_LABEL = 'target';
/** Linux's largest pid (pid_max on 64-bit). */
export const TARGET_PID_RANGE: IntRange = { min: 1, max: 4_194_304 };
export const LABEL_MAX_CHARS = 60;

function targetUrl(raw: string): TargetUrl {
  try {
    // Any host here: whether it may be other than loopback depends on --allow-remote (remoteTargetError).
    return parseTargetUrl(raw, true);
  } catch (error) {
    if (error instanceof TargetUrlError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

function runningPid(raw: string): number {
  const pid = intInRange(TARGET_PID_RANGE)(raw);
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
  } catch (error) {
    // EPERM: it exists but belongs to another user; /proc still shows its CPU.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM')
      throw new InvalidArgumentError(`Allowed: the id of a running process; no process has id ${pid}.`);
  }
  // Its descendants are sampled with it: this runner's own line would count the load generator as the server.
  if (pid === process.pid)
    throw new InvalidArgumentError(`Allowed: the target server's process; ${pid} is this load runner itself.`);
  if (ancestorsOf(process.pid).includes(pid)) {
    throw new InvalidArgumentError(
      `Allowed: the target server's process; ${pid} is an ancestor of this load runner, so its descendants would include the load generator.`,
    );
  }
  return pid;
}

function label(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > LABEL_MAX_CHARS || /[|\n\r`]/.test(trimmed)) {
    throw new InvalidArgumentError(`Allowed: 1 to ${LABEL_MAX_CHARS} characters without |, backquotes or line breaks.`);
  }
  return trimmed;
}

/** The error line for a --target on another machine without --allow-remote; null when it may be measured. */
export function remoteTargetError(target: TargetUrl | undefined, allowRemote: boolean): string | null {
  if (target === undefined || target.loopback || allowRemote) return null;
  const given = `${target.origin}${target.pathTemplate}`;
  return `error: option '--target <url>' argument '${given}' is invalid. ${remoteRefusal(new URL(target.origin).hostname)}`;
}

export function allowRemoteOption(): Option {
  return new Option(
    '--allow-remote',
    'with --target: allow a host other than loopback (a server on another machine of yours; never one you do not own)',
  );
}

/** --target; it conflicts with `spawnOnly`, the flag that chooses servers to spawn. */
export function targetOption(spawnOnly: string): Option {
  return new Option(
    '--target <url>',
    'measure this running server instead of spawning one per variant; loopback only unless --allow-remote; {client} in the path becomes the client id, else it is appended',
  )
    .argParser(targetUrl)
    .conflicts(spawnOnly);
}

export function targetPidOption(): Option {
  return new Option(
    '--target-pid <pid>',
    "the --target server's process: its CPU and threads (with its descendants) are sampled",
  ).argParser(runningPid);
}

export function labelOption(): Option {
  return new Option('--label <name>', "the --target row's name in the report")
    .argParser(label)
    .default(DEFAULT_TARGET_LABEL);
}

/** --target-pid, --label and --allow-remote each need --target; a remote one needs --allow-remote. Exits on error. */
export function checkTargetFlags(
  command: Command,
  raw: { target?: TargetUrl; targetPid?: number; allowRemote?: boolean },
): void {
  if (raw.target === undefined && raw.targetPid !== undefined)
    command.error("error: option '--target-pid <pid>' needs --target <url>");
  if (raw.target === undefined && command.getOptionValueSource('label') === 'cli')
    command.error("error: option '--label <name>' needs --target <url>");
  if (raw.target === undefined && raw.allowRemote === true)
    command.error("error: option '--allow-remote' needs --target <url>");
  const remote = remoteTargetError(raw.target, raw.allowRemote === true);
  if (remote !== null) command.error(remote);
}
