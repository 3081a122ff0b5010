// `make fastapi`: the original FastAPI app, as `async def` and as `def` (and `def` under two
// uvicorn workers, keep-alive and new connection per request), driven through --target and
// --target-pid, beside the Node inline and pool variants measured in the same invocation. One
// report. Entry point: parse, run the rows, render, write, exit code.
import { mkdir } from 'node:fs/promises';
import { runProgram } from '../loadtests/cli/program.ts';
import { parseLoadtestArgs } from '../loadtests/flags.ts';
import { failedRowOf, plannedRows, runScenario, type ScenarioContext } from '../loadtests/measure/run-scenario.ts';
import { watching } from '../loadtests/observe/run-progress.ts';
import { commandLine, provenance } from '../loadtests/observe/provenance.ts';
import { reportParameters, type LoadtestOptions } from '../loadtests/options.ts';
import { assembleReport } from '../loadtests/report/assemble.ts';
import { renderHtml } from '../loadtests/report/html.ts';
import { renderMarkdown } from '../loadtests/report/markdown.ts';
import type { ReportRow } from '../loadtests/report/model.ts';
import { renderTerminal } from '../loadtests/report/terminal.ts';
import { writeReport, writtenLine } from '../loadtests/report/write.ts';
import { anyMeasured, EXIT_ROW_FAILED, failedRowsLine } from '../loadtests/row-failures.ts';
import { commonLoadtestArgs, parseFastapiArgs, WORK_DIR, type FastapiOptions } from './flags.ts';
import { NODE_VARIANTS, PYTHON_ROWS, type PythonRow } from './rows.ts';
import { startUvicorn, type UvicornServer } from './uvicorn.ts';
import { pythonVersions } from './versions.ts';

function planOf(options: LoadtestOptions) {
  const plan = options.plans[0];
  if (plan === undefined) throw new Error('the load runner planned no scenario');
  return plan;
}

/** One Python row: start its uvicorn, measure it as a --target, stop it; a uvicorn that fails to start is a failed row. */
async function pythonRun(
  row: PythonRow,
  options: FastapiOptions,
  context: Omit<ScenarioContext, 'options'>,
): Promise<ReportRow[]> {
  const rowOf = { variant: row.label, repetition: 1, size: null, newConnection: row.newConnection };
  let server: UvicornServer;
  try {
    server = await startUvicorn(row, options.loopIterations, context.group, WORK_DIR);
  } catch (error) {
    return [failedRowOf(rowOf, error, context.say)];
  }
  try {
    const rowOptions = parseLoadtestArgs([
      ...commonLoadtestArgs(options),
      '--target',
      `${server.origin}/{client}`,
      '--target-pid',
      String(server.pid),
      '--label',
      row.label,
      ...(row.newConnection ? ['--new-connection'] : []),
    ]);
    // Each uvicorn worker runs Python code on one core at a time (the GIL): that is its bound.
    const startedBy = `uvicorn (${row.workers === 1 ? '1 worker' : `--workers ${row.workers}`}), started by make fastapi for this row`;
    const target = rowOptions.target === null ? null : { ...rowOptions.target, parallelism: row.workers, startedBy };
    return await runScenario(planOf(rowOptions), {
      ...context,
      options: { ...rowOptions, target },
      targetLog: server.log,
    });
  } finally {
    await server.stop();
  }
}

function notes(options: FastapiOptions): string[] {
  const loop = options.loopIterations.toLocaleString('en-US');
  const node = options.iterations.toLocaleString('en-US');
  return [
    `Python rows: fastapi/app_async.py and fastapi/app_def.py, the original handler counting to ${loop} per request (LOOP_ITERATIONS; the original counted to 100,000,000), ` +
      `under ${pythonVersions()}, --no-access-log; \`×2 workers\` is uvicorn --workers 2. The Node rows count to ${node}: compare rows by how they used the machine (in flight, CPU, threads), not by req/s.`,
    "The Python app prints its start/end lines with no time: the runner stamped each line as it arrived (the apps line-buffer their stdout, the one line added to the original), so Python timelines are as exact as a pipe's delivery and name no thread. Threads' prints may share a line (print writes text and newline apart); the runner splits them.",
  ];
}

process.exitCode = await runProgram(parseFastapiArgs, async (options, { argv, group, say: sayLine }) => {
  await mkdir(WORK_DIR, { recursive: true });
  const dateUtc = new Date().toISOString();
  const nodeOptions = parseLoadtestArgs([...commonLoadtestArgs(options), '--variants', NODE_VARIANTS.join(',')]);
  const plan = planOf(nodeOptions);
  // Each Python row is one --target row per repetition, as runScenario counts it.
  const rowCount = plannedRows(plan, nodeOptions) + PYTHON_ROWS.length * nodeOptions.repeat;
  const context = { group, ...watching(sayLine, rowCount) };
  const { say } = context;
  say(`make fastapi: Node ${NODE_VARIANTS.join(', ')}, then ${PYTHON_ROWS.map((row) => row.label).join(', ')}`);
  const runs: ReportRow[] = [];
  try {
    runs.push(...(await runScenario(plan, { ...context, options: nodeOptions })));
    for (const row of PYTHON_ROWS) runs.push(...(await pythonRun(row, options, context)));
  } finally {
    context.progress.clear(); // before the table, or an error, is printed
  }
  const failed = failedRowsLine(runs);
  if (!anyMeasured(runs)) throw new Error(failed ?? 'no row was measured');
  const report = assembleReport({
    scenario: plan.scenario,
    parameters: reportParameters(nodeOptions, plan),
    provenance: provenance(commandLine('fastapi', argv), dateUtc),
    runs,
    notes: notes(options),
  });
  process.stdout.write(`${renderTerminal(report)}\n\n`);
  if (options.writeReport) {
    const written = await writeReport(
      options.reportsDir,
      dateUtc,
      `fastapi-${report.scenario}`,
      renderMarkdown(report),
      report,
      renderHtml(report),
    );
    if (failed !== null) say(`error: ${failed}`);
    say(writtenLine(written)); // the last line names the page to open
  } else if (failed !== null) say(`error: ${failed}`);
  return failed === null ? 0 : EXIT_ROW_FAILED;
});
