// Serves the HTTP app of one variant in this process, and shuts it down cleanly on a signal.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { buildApp } from './app.ts';
import { messageOf } from './errors.ts';
import type { ServerOptions } from './flags.ts';
import { ConcurrencyGauge } from './gauge.ts';
import { announceListening } from './listening-line.ts';
import { closingMessage, stopOnSignals } from './shutdown.ts';
import type { Variant } from './variants/types.ts';

/** After the last request, the variant gets this long to stop its workers; past it the process exits without them. */
const CLOSE_BOUND_MS = 5_000;
/** Node's own default, named: a request whose headers are larger gets 431 and never reaches the app. */
const MAX_HEADER_BYTES = 16 * 1024;

function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

/** `announce` is false in a cluster's workers: their primary announces once for all. */
export async function serve(options: ServerOptions, definition: Variant, announce: boolean): Promise<void> {
  const gauge = new ConcurrencyGauge();
  const variant = await definition.start(options, gauge);
  const server = createAdaptorServer({
    fetch: buildApp(options, variant, gauge).fetch,
    hostname: options.host,
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
  });

  server.once('error', (error: NodeJS.ErrnoException) => {
    void variant.close();
    if (error.code === 'EADDRINUSE') fail(`error: --port ${options.port} is already in use on ${options.host}`);
    if (error.code === 'EACCES') fail(`error: --port ${options.port} needs privileges this user does not have`);
    fail(`error: cannot listen on ${options.host}:${options.port}: ${error.message}`);
  });

  server.listen(options.port, options.host, () => {
    if (announce)
      announceListening(options.host, options.variant, (server.address() as AddressInfo).port, variant.settings);
  });

  const closeVariant = (signal: NodeJS.Signals): void => {
    setTimeout(
      () =>
        fail(
          `${signal}: workers still busy ${CLOSE_BOUND_MS / 1000} s after the last request; exiting without them`,
          0,
        ),
      CLOSE_BOUND_MS,
    ).unref();
    variant.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`${signal}: closing the ${options.variant} variant failed: ${messageOf(error)}`),
    );
  };
  const stopping = stopOnSignals({
    close(signal) {
      if (announce) process.stderr.write(closingMessage(signal));
      server.close(() => closeVariant(signal));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    },
    cutAfterGrace() {
      if ('closeAllConnections' in server) server.closeAllConnections();
    },
  });
  // A keep-alive connection that goes idle after close() would hold the exit until its own
  // timeout; close each one as soon as its last response is out.
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (stopping() && 'closeIdleConnections' in server) setImmediate(() => server.closeIdleConnections());
    });
  });
}
