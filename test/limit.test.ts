// The physical limit a report compares req/s with: cores, clients and the model's bound over the cost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { physicalLimit } from '../loadtests/observe/limit.ts';

const cpu = { work: 'cpu', cores: 2, connections: 4, cpuMsPerRequest: 40, ioMs: 100, blockingIoMs: 0 } as const;

test('CPU work: the smallest of cores, clients and the model bound, over the CPU cost', () => {
  assert.equal(physicalLimit({ ...cpu, parallelism: 1 }).requestsPerSecond, 25);
  assert.equal(physicalLimit({ ...cpu, parallelism: 8 }).requestsPerSecond, 50, 'capped by the 2 cores');
  assert.equal(physicalLimit({ ...cpu, parallelism: 8, connections: 1 }).requestsPerSecond, 25, 'capped by one client');
  assert.equal(physicalLimit({ ...cpu, parallelism: null }).concurrency, 2);
  assert.equal(
    physicalLimit({ ...cpu, parallelism: 1 }).basis,
    'min(2 cores, 4 clients, 1 at once) = 1 / 40.0 ms CPU per request',
  );
});

test('io work: clients (or the model bound) over the wait, whatever the cores', () => {
  const io = { ...cpu, work: 'io', connections: 64, cpuMsPerRequest: null } as const;
  assert.equal(physicalLimit({ ...io, parallelism: null }).requestsPerSecond, 640);
  assert.equal(physicalLimit({ ...io, parallelism: 2 }).requestsPerSecond, 20);
  assert.equal(physicalLimit({ ...io, parallelism: 2 }).cpuMsPerRequest, null);
});

test('CPU work without a calibrated cost is refused, not reported as infinite', () => {
  assert.throws(() => physicalLimit({ ...cpu, parallelism: 1, cpuMsPerRequest: null }), /calibrated CPU cost/);
});

test('CPU work that then holds its thread: the cores over C, or the threads over C + W', () => {
  const held = { ...cpu, cpuMsPerRequest: 10, blockingIoMs: 90, connections: 64 } as const;
  assert.equal(physicalLimit({ ...held, parallelism: 4 }).requestsPerSecond, 40, '4 threads / 100 ms');
  assert.equal(physicalLimit({ ...held, parallelism: 32 }).requestsPerSecond, 200, 'capped by 2 cores / 10 ms');
  assert.equal(physicalLimit({ ...held, parallelism: 32 }).concurrency, 20, 'the knee, cores × (C + W) ÷ C');
});
