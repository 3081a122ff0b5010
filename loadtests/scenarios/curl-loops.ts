// The original experiment: four terminals, each running `while :; do curl http://host/N; done`.
import type { Scenario } from './types.ts';

export const curlLoops: Scenario = {
  name: 'curl-loops',
  description:
    'closed-loop clients, one per connection, each asking GET /<its client id> again as soon as it is answered; each request spins the CPU',
  connections: 4,
  work: 'cpu',
  variants: 'cpu',
};
