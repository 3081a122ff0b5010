// The original experiment's log lines, with a millisecond timestamp, the process and the thread
// added. The load runner parses the same lines back, so format and parser live together.

export type LogKind = 'Start' | 'End';

export interface WorkEvent {
  readonly atMs: number;
  readonly pid: number;
  readonly threadId: number;
  readonly kind: LogKind;
  readonly clientId: number;
}

export function formatWorkEvent(event: WorkEvent): string {
  const at = new Date(event.atMs).toISOString();
  return `${at} pid=${event.pid} thread=${event.threadId} ${event.kind} processing a request from client: ${event.clientId}`;
}

const LINE = /^(\S+) pid=(\d+) thread=(\d+) (Start|End) processing a request from client: (\d+)$/;

/** The event a log line records, or null for any other line. */
export function parseWorkEvent(line: string): WorkEvent | null {
  const match = LINE.exec(line);
  if (match === null) return null;
  const [, at, pid, threadId, kind, clientId] = match;
  return {
    atMs: Date.parse(at ?? ''),
    pid: Number(pid),
    threadId: Number(threadId),
    kind: kind === 'Start' ? 'Start' : 'End',
    clientId: Number(clientId),
  };
}

/** The line as the original printed it, prefixed with the time of day and the thread. */
export function originalForm(event: WorkEvent): string {
  const time = new Date(event.atMs).toISOString().slice(11, 23);
  return `${time} [thread ${event.threadId}] ${event.kind} processing a request from client: ${event.clientId}`;
}
