// The HTTP routes every variant serves: the work route, /health, /stats, and the test-only faults.
import { Hono } from 'hono';
import { EventLoopMonitor } from './event-loop.ts';
import { CLIENT_ID_RANGE, internal, notFound, parseClientId, ServerError } from './errors.ts';
import type { ServerOptions } from './flags.ts';
import type { ConcurrencyGauge } from './gauge.ts';
import type { Fault } from './job.ts';
import { countersOf, RequestStats, statsBody, type StatsBody } from './stats.ts';
import type { RunningVariant } from './variants/types.ts';

/** The HTTP face of a server: the same routes whatever the variant. */
export function buildApp(options: ServerOptions, variant: RunningVariant, gauge: ConcurrencyGauge): Hono {
  const requests = new RequestStats();
  const eventLoop = new EventLoopMonitor();
  const stats = async (): Promise<StatsBody> =>
    statsBody(
      options.variant,
      variant.settings,
      (await variant.sharedCounters?.read()) ?? countersOf(gauge, requests),
      eventLoop.read(),
      variant.poolTiming?.read() ?? null,
    );
  const resetStats = async (): Promise<void> => {
    gauge.reset();
    requests.reset();
    eventLoop.reset();
    variant.poolTiming?.reset();
    await variant.sharedCounters?.reset();
  };

  const app = new Hono();

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.get('/stats', async (c) => {
    const body = await stats();
    if (c.req.query('reset') !== undefined) await resetStats();
    return c.json(body);
  });

  app.post('/stats/reset', async (c) => {
    const body = await stats();
    await resetStats();
    return c.json(body);
  });

  const work = async (clientId: number, fault: Fault) => {
    requests.begin();
    let ok = false;
    try {
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const request = {
        clientId,
        work: options.work,
        iterations: options.iterations,
        ioMs: options.ioMs,
        blockingIoMs: options.blockingIoMs,
        quiet: options.quiet,
        fault,
      };
      const result = await variant.run(request, deadline);
      ok = true;
      return { variant: options.variant, ...result };
    } finally {
      requests.end(ok);
    }
  };

  if (options.faultRoutes) {
    // Registered before /:clientId; /fault/... has two segments, so no client id is shadowed.
    app.get('/fault/throw', async (c) => c.json(await work(CLIENT_ID_RANGE.min, 'throw')));
    app.get('/fault/exit', async (c) => c.json(await work(CLIENT_ID_RANGE.min, 'exit')));
  }

  app.get('/:clientId', async (c) => c.json(await work(parseClientId(c.req.param('clientId')), 'none')));

  app.notFound((c) => {
    const error = notFound(c.req.method, c.req.path);
    return c.json(error.toJSON(), error.status);
  });

  app.onError((cause, c) => {
    const error = cause instanceof ServerError ? cause : internal(cause);
    if (error.retryAfterSeconds !== null) c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(error.toJSON(), error.status);
  });

  return app;
}
