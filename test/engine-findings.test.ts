// What the report says about the load's side, from fixed rows: Locust against autocannon per server,
// the note on how Locust's answers were timed, and the two machines when the server ran elsewhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineComparison, engineNotes, generator } from '../loadtests/report/engine-findings.ts';
import type { Report, VariantRun } from '../loadtests/report/model.ts';
import { fixedReport } from './fixtures/report.ts';

const LOCUST = { name: 'locust', generators: 2, external: 0 } as const;
const [inline] = fixedReport.runs as [VariantRun];

function row(variant: string, requestsPerSecond: number, engine: VariantRun['engine']): VariantRun {
  const interval: [number, number] = [requestsPerSecond - 0.5, requestsPerSecond + 0.5];
  return { ...inline, variant, requestsPerSecond, requestsPerSecondCi95: interval, engine };
}

const withRuns = (runs: readonly VariantRun[]): Report => ({ ...fixedReport, runs });

test('Locust against autocannon on the same server: the change per pair and the 10% verdict', () => {
  const report = withRuns([
    row('pool · autocannon', 33.0, { name: 'autocannon' }),
    row('pool · locust', 33.8, LOCUST),
    row('inline · autocannon', 17.8, { name: 'autocannon' }),
    row('inline · locust', 15.0, LOCUST),
  ]);
  assert.deepEqual(engineComparison(report), [
    'Locust against autocannon on the same server, one after the other: pool 33.8 vs 33.0 req/s (+2.4%, intervals overlap); inline 15.0 vs 17.8 req/s (−15.7%, intervals apart): 1 of 2 pairs more than 10% apart.',
  ]);
  assert.deepEqual(engineComparison(withRuns([row('pool', 33, { name: 'autocannon' })])), []);
});

test('the notes say how Locust timed its answers; the generator line names both machines when they differ', () => {
  assert.match(
    engineNotes([row('pool', 1, LOCUST)])[0] ?? '',
    /Locust, a master and 2 workers on this machine: .*not rounded/,
  );
  assert.deepEqual(engineNotes([inline]), []);
  const target = {
    url: 'http://10.0.0.5:3000/{client}',
    pid: null,
    hasStats: true,
    logged: false,
    startedBy: null,
    placement: { state: 'elsewhere', hostname: 'box', cpus: 8 },
  } as const;
  const remote = withRuns([{ ...inline, target, neighbours: { generatorCpuPercent: 40, foreignCpuPercent: 0 } }]);
  assert.equal(
    generator(remote),
    'The load generator (autocannon and the probe) ran on test-host (2 cores); the server ran on another machine, box (8 cores), so the two did not share cores and used 40% of a core during the runs.',
  );
});
