// How each kind of number is written, for the terminal and markdown alike.
import type { WorkKind } from './figures.ts';
import type { Report, VariantRun, VariantSettingValues, Workload } from './model.ts';

/** Does not apply to this row (no pool, no CPU work). */
export const MISSING = 'n/a';
/** Applies, but the run could not measure it (a --target without /stats or --target-pid). */
export const NOT_MEASURED = 'not measured';

export function perSecond(value: number): string {
  return value.toFixed(1);
}

export function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  return value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

export function percent(value: number | null): string {
  return value === null ? MISSING : `${value.toFixed(0)}%`;
}

export function cores(cpuPercent: number): string {
  return (cpuPercent / 100).toFixed(2);
}

export function share(value: number): string {
  return value.toFixed(2);
}

export function mebibytes(bytes: number | null): string {
  return bytes === null ? MISSING : `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

export function gibibytes(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

/** "1 client", "4 clients": the one plural helper, so no sentence says "1 clients". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : pluralForm}`;
}

export function clients(n: number): string {
  return plural(n, 'client');
}

/** "pool's", and "python def ×2 workers'" for a name that ends in s. */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** What one request did, e.g. "100,000,000 iterations per request". */
export function workUnit(work: WorkKind, settings: VariantSettingValues): string {
  const held =
    settings.blockingIoMs > 0 ? `, then holds its thread ${count(settings.blockingIoMs)} ms without CPU` : '';
  return work === 'io'
    ? `each request waits ${settings.ioMs} ms (no CPU work)${held}`
    : `${count(settings.iterations)} iterations per request${held}`;
}

/** What every request carried: a body, and how the pool handed it over; nothing for GETs. */
function bodyCarried({ payloadBytes, transfer }: Workload): string {
  if (payloadBytes === 0) return '';
  const handedOver = transfer === 'move' ? 'transferred to its worker, not copied' : 'copied to its worker';
  return `; each request POSTs a ${count(payloadBytes)}-byte JSON body (pool: ${handedOver})`;
}

/** What one request did in a report: the work unit, or the target's own when only targets ran. */
export function reportWorkUnit(report: Report): string {
  const { work, settings, workload } = report.parameters;
  const carried = bodyCarried(workload);
  const runs = report.runs.filter((run): run is VariantRun => run.state === 'measured');
  if (runs.length > 0 && runs.every((run) => run.target !== null))
    return `each request does the target's own work${carried}`;
  const { handler } = workload;
  const unit = `${handler === null ? workUnit(work, settings) : `your handler ${handler.path} (SHA-256 ${handler.sha256}) runs per request`}${carried}`;
  return runs.some((run) => run.target !== null)
    ? `${unit} on this project's servers; --target rows do their own work`
    : unit;
}

/**
 * A setting's flag without its dashes, from its option name: commander names the value of
 * `--pool-size` `poolSize`, so the name gives the flag back (the flags stay spelled in server/).
 */
function flagName(optionName: string): string {
  return optionName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Every variant setting as its flag and value: "pool-size 2, workers 2, …". */
export function settings(values: VariantSettingValues): string {
  return (Object.keys(values) as (keyof VariantSettingValues)[])
    .map((key) => `${flagName(key)} ${count(values[key])}`)
    .join(', ');
}

/** A latency a person reads at a glance: "5.9 ms", "4.2 s". */
/** A row's bystander p99 in words: "4.2 s", "5.9 ms", or "no answer" when no probe was answered. */
export function healthP99(run: Pick<VariantRun, 'health'>): string {
  return run.health.latencyMs === null ? 'no answer' : duration(run.health.latencyMs.p99);
}

export function duration(valueMs: number): string {
  return valueMs >= 1000 ? `${(valueMs / 1000).toFixed(1)} s` : `${ms(valueMs)} ms`;
}
