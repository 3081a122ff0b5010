import { Hono } from 'hono';
import { EventLoopMonitor } from './event-loop.ts';
import { internal, notFound, parseClientId, ServerError } from './errors.ts';
import type { ServerOptions } from './flags.ts';
import type { ConcurrencyGauge } from './gauge.ts';
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

  app.get('/:clientId', async (c) => {
    const clientId = parseClientId(c.req.param('clientId'));
    requests.begin();
    let ok = false;
    try {
      const result = await variant.run({ clientId, work: options.work, iterations: options.iterations, ioMs: options.ioMs, quiet: options.quiet });
      ok = true;
      return c.json({ variant: options.variant, ...result });
    } finally {
      requests.end(ok);
    }
  });

  app.notFound((c) => {
    const error = notFound(c.req.method, c.req.path);
    return c.json(error.toJSON(), error.status);
  });

  app.onError((cause, c) => {
    const error = cause instanceof ServerError ? cause : internal(cause);
    return c.json(error.toJSON(), error.status);
  });

  return app;
}
