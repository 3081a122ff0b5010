// Every process a run starts is registered here right after it starts, so that success, an
// error, Ctrl-C and SIGTERM all take the same path: stop them all, and wait until they exited.

export interface Stoppable {
  stop(): Promise<void>;
}

export class ProcessGroup {
  readonly #members = new Set<Stoppable>();

  add(member: Stoppable): void {
    this.#members.add(member);
  }

  async stop(member: Stoppable): Promise<void> {
    this.#members.delete(member);
    await member.stop();
  }

  async stopAll(): Promise<void> {
    const members = [...this.#members];
    this.#members.clear();
    await Promise.allSettled(members.map((member) => member.stop()));
  }

  get size(): number {
    return this.#members.size;
  }
}
