// A --target's URL and log, read without a run: where each client's id goes, and how the bare
// prints of a server we did not write become work events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientPath, parseTargetUrl } from '../loadtests/load/target-url.ts';
import { maxOpenRequests, parseWorkEvents } from '../server/log-line.ts';

test('client paths: {client} is replaced, else the id becomes the last path segment before the query', () => {
  assert.equal(clientPath('/{client}', 7), '/7');
  assert.equal(clientPath('/api/{client}/work?who={client}', 7), '/api/7/work?who=7');
  assert.equal(clientPath('/', 7), '/7');
  assert.equal(clientPath('/api', 7), '/api/7');
  assert.equal(clientPath('/api/?x=1', 7), '/api/7?x=1');
  assert.deepEqual(parseTargetUrl('http://127.0.0.1:8000/{client}'), {
    origin: 'http://127.0.0.1:8000',
    pathTemplate: '/{client}',
    loopback: true,
  });
  assert.deepEqual(parseTargetUrl('http://localhost:8000'), {
    origin: 'http://localhost:8000',
    pathTemplate: '/',
    loopback: true,
  });
  assert.equal(parseTargetUrl('http://192.0.2.1:8000/', true).loopback, false, 'allowed with --allow-remote');
  assert.equal(parseTargetUrl('http://[::1]:8000/x').origin, 'http://[::1]:8000');
  assert.equal(parseTargetUrl('http://127.9.9.9/').origin, 'http://127.9.9.9');
  assert.throws(() => parseTargetUrl('http://example.com/'), /loopback host .* example\.com is not one/);
  assert.throws(() => parseTargetUrl('http://128.0.0.1/'), /128\.0\.0\.1 is not one/);
});

test("the original's bare prints: stamped on arrival, split where threads shared a line, counted for max in flight", () => {
  const line = 'Start processing a request from client: 3Start processing a request from client: 4';
  assert.deepEqual(parseWorkEvents(line, 5), [
    { atMs: 5, pid: null, threadId: null, kind: 'Start', clientId: 3 },
    { atMs: 5, pid: null, threadId: null, kind: 'Start', clientId: 4 },
  ]);
  assert.deepEqual(parseWorkEvents('INFO:     Application startup complete.', 5), []);
  assert.deepEqual(parseWorkEvents('Start processing a request from client: 3 and more', 5), []);
  const events = ['End 9', 'Start 1', 'Start 2', 'End 1', 'Start 1', 'End 2'].map((text) => {
    const [kind, id] = text.split(' ');
    return parseWorkEvents(`${kind} processing a request from client: ${id}`, 0)[0]!;
  });
  assert.equal(maxOpenRequests(events), 2, 'an End from before the recording does not count below zero');
});
