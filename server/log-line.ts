// The original experiment's log lines, with a millisecond timestamp, the process and the thread
// added. The load runner parses the same lines back, so format and parser live together. It also
// reads the original's own bare prints (no time, process or thread) from an external target.

export type LogKind = 'Start' | 'End';

export interface WorkEvent {
  readonly atMs: number;
  /** null when the line did not say (the original's bare print). */
  readonly pid: number | null;
  readonly threadId: number | null;
  readonly kind: LogKind;
  readonly clientId: number;
}

export function formatWorkEvent(event: WorkEvent): string {
  const at = new Date(event.atMs).toISOString();
  return `${at} pid=${event.pid} thread=${event.threadId} ${event.kind} processing a request from client: ${event.clientId}`;
}

const LINE = /^(\S+) pid=(\d+) thread=(\d+) (Start|End) processing a request from client: (\d+)$/;
/**
 * The original FastAPI app's print, as it wrote it: no time, no process, no thread. print()
 * writes the text and the newline apart, so threads' prints can share a line:
 * "Start processing a request from client: 3Start processing a request from client: 4".
 */
const ORIGINAL_MESSAGE = /(Start|End) processing a request from client: (\d+)/g;
const ORIGINAL_LINE = /^(?:(?:Start|End) processing a request from client: \d+)+$/;

const kindOf = (word: string | undefined): LogKind => (word === 'Start' ? 'Start' : 'End');

/**
 * The events a log line records, in order: none for any other line. A bare original line
 * carries no time: its events get `arrivedAtMs`, the moment the reader received it.
 */
export function parseWorkEvents(line: string, arrivedAtMs: number = Date.now()): WorkEvent[] {
  const match = LINE.exec(line);
  if (match !== null) {
    const [, at, pid, threadId, kind, clientId] = match;
    return [
      {
        atMs: Date.parse(at ?? ''),
        pid: Number(pid),
        threadId: Number(threadId),
        kind: kindOf(kind),
        clientId: Number(clientId),
      },
    ];
  }
  const bare = line.trim();
  if (!ORIGINAL_LINE.test(bare)) return [];
  return [...bare.matchAll(ORIGINAL_MESSAGE)].map((m) => ({
    atMs: arrivedAtMs,
    pid: null,
    threadId: null,
    kind: kindOf(m[1]),
    clientId: Number(m[2]),
  }));
}

/** The line as the original printed it, prefixed with the time of day and, when known, the thread. */
export function originalForm(event: WorkEvent): string {
  const time = new Date(event.atMs).toISOString().slice(11, 23);
  const thread = event.threadId === null ? '' : ` [thread ${event.threadId}]`;
  return `${time}${thread} ${event.kind} processing a request from client: ${event.clientId}`;
}

/** The most requests between their Start and End line at once, in the order the lines came. */
export function maxOpenRequests(events: readonly WorkEvent[]): number {
  let open = 0;
  let most = 0;
  for (const event of events) {
    // A request that started before the recording shows only its End: it does not go below 0.
    open = event.kind === 'Start' ? open + 1 : Math.max(0, open - 1);
    most = Math.max(most, open);
  }
  return most;
}
