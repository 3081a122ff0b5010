// The one JSON line a server prints once it listens, and its parser. Every server prints it (serve.ts,
// the cluster's primary, bench's bare node:http server) and every spawner waits for it, so format and
// parser live together.
import type { VariantSettings } from './stats.ts';

export interface Listening {
  readonly host: string;
  /** The port really bound: the one to use after --port 0. */
  readonly port: number;
  readonly pid: number;
  /** A variant's name, or the name of a reference server. */
  readonly variant: string;
  /** A variant's settings; a reference server has none. */
  readonly settings?: VariantSettings | undefined;
}

export function formatListening({ host, port, pid, variant, settings }: Listening): string {
  // Spelled out so the keys keep their order; JSON drops settings when there are none.
  return JSON.stringify({ event: 'listening', host, port, pid, variant, settings });
}

/** Prints this process's listening line on stdout, for a server bound to `host`. */
export function announceListening(host: string, variant: string, port: number, settings?: VariantSettings): void {
  process.stdout.write(`${formatListening({ host, port, pid: process.pid, variant, settings })}\n`);
}

const isListening = (value: unknown): value is { event: 'listening'; port: number } =>
  typeof value === 'object' &&
  value !== null &&
  'event' in value &&
  value.event === 'listening' &&
  'port' in value &&
  typeof value.port === 'number';

/** The port a listening line announces; null for any other line. */
export function parseListeningPort(line: string): number | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    return isListening(parsed) ? parsed.port : null;
  } catch {
    return null; // a log line that happens to start with a brace is not the listening line
  }
}
