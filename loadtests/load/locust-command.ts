// Where Locust is and how its workers are started: the one place the worker's command line is spelled,
// for the workers this machine starts and for the lines printed for other machines.
import { fileURLToPath } from 'node:url';

/** The locustfile every master and worker runs (workers on other machines need a copy of it). */
export const LOCUSTFILE = fileURLToPath(new URL('./locust/locustfile.py', import.meta.url));

/** Debian's python3-locust installs /usr/bin/locust; pip puts it on PATH. */
export const locustCommand = (): string => process.env.LOCUST_BIN ?? 'locust';

export function workerArgv(masterHost: string, port: number): string[] {
  return ['--worker', '--master-host', masterHost, '--master-port', String(port), '--loglevel', 'WARNING'];
}
