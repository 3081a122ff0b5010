// A server's start/end lines, kept from the moment a measurement asks for them. Lines are parsed
// as they arrive, so a line without a time of its own (the original's bare print) gets its
// arrival time.
import { parseWorkEvents, type WorkEvent } from '../../server/log-line.ts';

/** Work events kept per recording: enough for excerpts and timelines, bounded for tiny loops. */
export const MAX_RECORDED_EVENTS = 50_000;

export interface EventLog {
  /** Starts keeping the work events logged from now on (dropping earlier ones). */
  record(): void;
  /** The events kept since record(), in the order they were logged. */
  recorded(): readonly WorkEvent[];
}

export class RecordingLog implements EventLog {
  #recording = false;
  #events: WorkEvent[] = [];

  /** One line of the server's output; anything but a start/end line is ignored. */
  line(text: string): void {
    if (!this.#recording || this.#events.length >= MAX_RECORDED_EVENTS) return;
    this.#events.push(...parseWorkEvents(text, Date.now()));
  }

  record(): void {
    this.#recording = true;
    this.#events = [];
  }

  recorded(): readonly WorkEvent[] {
    return this.#events;
  }
}
