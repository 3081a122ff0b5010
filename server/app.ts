import { Hono } from 'hono';
import { CLIENT_ID_RANGE, internal, notFound, parseClientId, ServerError } from './errors.ts';
import type { ServerOptions } from './flags.ts';
import type { ConcurrencyGauge } from './gauge.ts';
import type { Fault } from './job.ts';
import { RequestStats, statsBody } from './stats.ts';
import type { RunningVariant } from './variants/types.ts';

/** The HTTP face of a server: the same routes whatever the variant. */
export function buildApp(options: ServerOptions, variant: RunningVariant, gauge: ConcurrencyGauge): Hono {
  const requests = new RequestStats();
  const stats = () => statsBody(options.variant, variant.settings, gauge, requests);
  const resetStats = (): void => {
    gauge.reset();
    requests.reset();
  };

  const app = new Hono();

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.get('/stats', (c) => {
    const body = stats();
    if (c.req.query('reset') !== undefined) resetStats();
    return c.json(body);
  });

  app.post('/stats/reset', (c) => {
    const body = stats();
    resetStats();
    return c.json(body);
  });

  const work = async (clientId: number, fault: Fault) => {
    requests.begin();
    let ok = false;
    try {
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const result = await variant.run({ clientId, iterations: options.iterations, quiet: options.quiet, fault }, deadline);
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
