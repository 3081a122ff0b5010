// The commands of `async-or-pool`: each is the program its make target runs (data only; main.ts runs them).
import { join } from 'node:path';
import { WORK_DIR } from '../fastapi/flags.ts';

export interface PackCommand {
  /** The entry file, relative to this one: the same one `make <command>` runs. */
  readonly entry: string;
  readonly summary: string;
  /** A shell script the make target runs first, e.g. an installer: its path relative to this file, and its arguments. */
  readonly setup?: { readonly script: string; readonly args: readonly string[] };
}

/** Adding a command is one line here: its entry and what it does. */
export const COMMANDS = {
  loadtest: { entry: '../loadtests/main.ts', summary: 'measure every variant under each scenario; write a report' },
  sweep: { entry: '../loadtests/sweep/main.ts', summary: 'sweep pool sizes and clients; recommend a pool size' },
  crossover: {
    entry: '../loadtests/crossover/main.ts',
    summary: 'pool ÷ inline over CPU cost and body size: where the pool starts to pay',
  },
  bench: { entry: '../bench/main.ts', summary: "measure the pack's own overhead against bare references" },
  server: { entry: '../server/main.ts', summary: 'start one server (this process is the server)' },
  fastapi: {
    entry: '../fastapi/main.ts',
    summary: 'the original FastAPI experiment beside Node (installs FastAPI and uvicorn with apt-get)',
    setup: { script: '../fastapi/install.sh', args: [join(WORK_DIR, 'apt.log')] },
  },
} as const satisfies Record<string, PackCommand>;
