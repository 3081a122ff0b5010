// Where async is the right answer: many clients whose requests only wait (--io-ms), served by
// the event loop (io) and by a pool whose workers do the same wait, one request per thread.
import type { Scenario } from './types.ts';

export const ioWait: Scenario = {
  name: 'io-wait',
  description: 'many closed-loop clients whose requests wait --io-ms on a timer and use no CPU',
  connections: 64,
  work: 'io',
  variants: ['io', 'pool'],
};
