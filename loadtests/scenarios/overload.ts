// Far more clients than the pool and its queue hold (default pool: 2 threads + 4 waiting), each
// asking again at once, with a deadline a few work units long. Pooled variants should turn the
// excess away fast and keep /health answering; the event loop has no queue to bound.
import type { Scenario } from './types.ts';

export const overload: Scenario = {
  name: 'overload',
  description:
    'more closed-loop clients than the pool and its queue hold, with a short deadline: how many are turned away (503) or cut off (504), how fast the rest are served, and whether /health kept answering',
  connections: 32,
  work: 'cpu',
  variants: 'cpu',
  server: { maxQueue: 4, timeoutMs: 500 },
  turnAwaysMeasured: true,
  // Shedding on against off with clients that retry at once, and clients that honour Retry-After.
  retry: ['at-once', 'retry-after'],
  shedding: ['on', 'off'],
};
