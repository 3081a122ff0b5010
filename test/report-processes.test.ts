// A server of several processes (uvicorn --workers): the findings name the processes that did the work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../loadtests/report/findings.ts';
import type { VariantRun } from '../loadtests/report/model.ts';
import { fixedReport } from './fixtures/report.ts';

test('a server of several processes: the findings name the ones that worked', () => {
  const [inline] = fixedReport.runs;
  const cpuByProcess = [
    { pid: 11, cpuPercent: 97.2 },
    { pid: 12, cpuPercent: 1.5 },
    { pid: 10, cpuPercent: 0.4 },
  ];
  const target = {
    url: 'http://127.0.0.1:8000/{client}',
    pid: 10,
    hasStats: false,
    logged: true,
    startedBy: null,
    placement: { state: 'same machine' as const },
  };
  const workers: VariantRun = {
    ...inline!,
    variant: 'python def ×2 workers',
    target,
    server: { ...inline!.server, cpuByProcess },
  };
  assert.ok(
    findings({ ...fixedReport, runs: [inline!, workers] }).includes(
      'python def ×2 workers worked in 1 of its 3 processes (at least 10% of a core each: pid 11 97%).',
    ),
  );
  // A single-process variant's tree holds tsx's idle esbuild helper too: no such sentence for it.
  const single: VariantRun = { ...inline!, server: { ...inline!.server, cpuByProcess } };
  assert.ok(!findings({ ...fixedReport, runs: [single] }).some((line) => line.includes('worked in')));
});
