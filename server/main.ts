// Entry point: parse flags, start the variant, serve, and shut down cleanly on a signal.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { CommanderError } from 'commander';
import { buildApp } from './app.ts';
import { HOST, parseServerArgs, type ServerOptions } from './flags.ts';
import { ConcurrencyGauge } from './gauge.ts';
import { variants } from './variants/index.ts';

/** In-flight requests get this long to finish after SIGTERM/SIGINT before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Then the variant gets this long to stop its workers; past it the process exits without them. */
const CLOSE_BOUND_MS = 5_000;
/** Node's own default, named: a request whose headers are larger gets 431 and never reaches the app. */
const MAX_HEADER_BYTES = 16 * 1024;

function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

function parseOrExit(argv: readonly string[]): ServerOptions {
  try {
    return parseServerArgs(argv);
  } catch (error) {
    // Commander already printed its one-line message (or the help text).
    if (error instanceof CommanderError) process.exit(error.exitCode);
    throw error;
  }
}

async function main(): Promise<void> {
  const options = parseOrExit(process.argv.slice(2));
  const gauge = new ConcurrencyGauge();
  const variant = await variants[options.variant].start(options, gauge);
  const server = createAdaptorServer({
    fetch: buildApp(options, variant, gauge).fetch,
    hostname: HOST,
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
  });

  server.once('error', (error: NodeJS.ErrnoException) => {
    void variant.close();
    if (error.code === 'EADDRINUSE') fail(`error: --port ${options.port} is already in use on ${HOST}`);
    if (error.code === 'EACCES') fail(`error: --port ${options.port} needs privileges this user does not have`);
    fail(`error: cannot listen on ${HOST}:${options.port}: ${error.message}`);
  });

  server.listen(options.port, HOST, () => {
    const { port } = server.address() as AddressInfo;
    const line = { event: 'listening', host: HOST, port, pid: process.pid, variant: options.variant, settings: variant.settings };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130); // a second signal: leave at once
    stopping = true;
    process.stderr.write(`${signal}: closing (in-flight requests get up to ${SHUTDOWN_GRACE_MS / 1000} s)\n`);
    const grace = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    grace.unref();
    server.close(() => {
      setTimeout(() => fail(`${signal}: workers still busy ${CLOSE_BOUND_MS / 1000} s after the last request; exiting without them`, 0), CLOSE_BOUND_MS).unref();
      variant.close().then(
        () => process.exit(0),
        (error: unknown) => fail(`${signal}: closing the ${options.variant} variant failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  // A keep-alive connection that goes idle after close() would hold the exit until its own
  // timeout; close each one as soon as its last response is out.
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (stopping && 'closeIdleConnections' in server) setImmediate(() => server.closeIdleConnections());
    });
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
