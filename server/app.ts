// The HTTP routes every variant serves: the work route, /health, /stats, and the test-only faults.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EventLoopMonitor } from './event-loop.ts';
import { bodyTooLarge, CLIENT_ID_RANGE, internal, notFound, parseClientId, ServerError } from './errors.ts';
import type { ServerOptions } from './flags.ts';
import type { ConcurrencyGauge } from './gauge.ts';
import type { Fault, JobResult } from './job.ts';
import { SelfCpu } from './self-cpu.ts';
import { countersOf, RequestStats, statsBody, type StatsBody } from './stats.ts';
import type { RunningVariant } from './variants/types.ts';
import { MAX_BODY_BYTES } from './workload-flags.ts';

/**
 * Says what became of the request body's bytes on the thread that received it: `detached` once they
 * were transferred to a worker (--transfer move), `kept` when the work read them here or got a copy.
 */
export const BODY_BUFFER_HEADER = 'x-body-buffer';

/** The answer: the handler's own, as JSON, or the built-in work's figures with the variant's name. */
function answerOf(variant: string, result: JobResult): string {
  if ('handlerAnswer' in result) return JSON.stringify(result.handlerAnswer ?? null);
  return JSON.stringify({ variant, ...result });
}

/** The HTTP face of a server: the same routes whatever the variant. */
export function buildApp(options: ServerOptions, variant: RunningVariant, gauge: ConcurrencyGauge): Hono {
  const requests = new RequestStats();
  const eventLoop = new EventLoopMonitor();
  const selfCpu = new SelfCpu();
  const resetStats = async (): Promise<void> => {
    gauge.reset();
    requests.reset();
    eventLoop.reset();
    variant.poolTiming?.reset();
    variant.shedding?.reset();
    await variant.sharedCounters?.reset();
  };

  /**
   * The figures since the last reset, then (when asked) a reset right away. The server's own CPU is read
   * from /proc synchronously: an await would let queued work run first, and the answer come late.
   */
  const stats = async (reset: boolean): Promise<StatsBody> => {
    const { window: self, loopCpuMs: eventLoopCpuMs } = selfCpu.read(reset);
    const counters = (await variant.sharedCounters?.read()) ?? countersOf(gauge, requests);
    const [loop, pool] = [eventLoop.read(), variant.poolTiming?.read() ?? null];
    const shedding = variant.shedding?.read() ?? null;
    if (reset) await resetStats();
    return statsBody(options.variant, variant.settings, counters, {
      eventLoop: loop,
      pool,
      self,
      eventLoopCpuMs,
      shedding,
    });
  };

  const app = new Hono();

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.get('/stats', async (c) => c.json(await stats(c.req.query('reset') !== undefined)));

  app.post('/stats/reset', async (c) => c.json(await stats(true)));

  const work = async (clientId: number, fault: Fault, body: Uint8Array<ArrayBuffer> | null = null) => {
    requests.begin();
    let ok = false;
    try {
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const request = {
        clientId,
        work: options.work,
        iterations: options.iterations,
        rounds: options.rounds,
        ioMs: options.ioMs,
        blockingIoMs: options.blockingIoMs,
        quiet: options.quiet,
        fault,
        body,
      };
      const result = await variant.run(request, deadline);
      ok = true;
      return result;
    } finally {
      requests.end(ok);
    }
  };

  if (options.faultRoutes) {
    // Registered before /:clientId; /fault/... has two segments, so no client id is shadowed.
    app.get('/fault/throw', async (c) => c.json(await work(CLIENT_ID_RANGE.min, 'throw')));
    app.get('/fault/exit', async (c) => c.json(await work(CLIENT_ID_RANGE.min, 'exit')));
  }

  const json = { 'content-type': 'application/json' };
  app.get('/:clientId', async (c) =>
    c.body(answerOf(options.variant, await work(parseClientId(c.req.param('clientId')), 'none')), 200, json),
  );

  app.post(
    '/:clientId',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw bodyTooLarge(MAX_BODY_BYTES);
      },
    }),
    async (c) => {
      const clientId = parseClientId(c.req.param('clientId'));
      const body = new Uint8Array(await c.req.arrayBuffer());
      const receivedBytes = body.byteLength;
      const answer = answerOf(options.variant, await work(clientId, 'none', body));
      // A transferred buffer reads 0 bytes long here, and so does every view of it.
      const buffer = receivedBytes > 0 && body.buffer.byteLength === 0 ? 'detached' : 'kept';
      return c.body(answer, 200, { ...json, [BODY_BUFFER_HEADER]: buffer });
    },
  );

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
