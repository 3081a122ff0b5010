import { Hono } from 'hono';
import { internal, notFound, parseClientId, ServerError } from './errors.ts';
import type { ServerOptions } from './flags.ts';
import type { ConcurrencyGauge } from './gauge.ts';
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

  app.get('/:clientId', async (c) => {
    const clientId = parseClientId(c.req.param('clientId'));
    requests.begin();
    let ok = false;
    try {
      const result = await variant.run({ clientId, iterations: options.iterations, quiet: options.quiet });
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
