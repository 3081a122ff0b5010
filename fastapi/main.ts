// `make fastapi`: the original FastAPI experiment's claim, tested. At each client count, Node's
// inline, pool and cluster, then the original app as `async def` and as `def`, Python's process
// pool and `def` under uvicorn --workers; one report with the computed verdict. Entry point:
// parse, run the rows, render, write, exit code.
import { mkdir } from 'node:fs/promises';
import { runProgram } from '../loadtests/cli/program.ts';
import { commandLine, provenance } from '../loadtests/observe/provenance.ts';
import { reportParameters } from '../loadtests/options.ts';
import { assembleReport } from '../loadtests/report/assemble.ts';
import { renderHtml } from '../loadtests/document/html.ts';
import { renderMarkdown } from '../loadtests/document/markdown.ts';
import { renderTerminal } from '../loadtests/document/terminal.ts';
import type { ReportRow } from '../loadtests/report/model.ts';
import { isMeasured } from '../loadtests/report/runs.ts';
import { writeReport, writtenLine } from '../loadtests/report/write.ts';
import { anyMeasured, EXIT_ROW_FAILED, failedRowsLine } from '../loadtests/row-failures.ts';
import { defaultThreadCount } from '../server/cores.ts';
import { watching } from '../loadtests/observe/run-progress.ts';
import { claimVerdict } from './claim.ts';
import { type DecidedClaim, decideClaim } from './claim-runs.ts';
import * as format from '../loadtests/report/format.ts';
import { claimPoints } from './claim-text.ts';
import { fastapiDocument } from './document.ts';
import { estimateLine } from './estimate.ts';
import { parseFastapiArgs, WORK_DIR, type FastapiOptions } from './flags.ts';
import { NODE_VARIANTS, PYTHON_MODELS } from './rows.ts';
import { DEFAULT_EQUIVALENCE_MARGIN } from '../loadtests/stats/compare.ts';
import { nodeOptions, nodeRows, planOf, pythonRow } from './run-rows.ts';
import { pythonVersions } from './versions.ts';

function notes(options: FastapiOptions, cores: number, deciding: DecidedClaim | null): string[] {
  const loop = options.loopIterations.toLocaleString('en-US');
  const node = options.iterations.toLocaleString('en-US');
  return [
    `Each row is one model at one client count (${options.clients.join(', ')}); the parameters' client count is the first. Pools, --workers and the cluster are sized to the ${cores} effective cores.`,
    `Python rows: fastapi/app_async.py, app_def.py and app_process_pool.py, the original handler counting to ${loop} per request (LOOP_ITERATIONS; the original counted to 100,000,000), ` +
      `under ${pythonVersions()}, --no-access-log; \`uvicorn --workers\` rows use a new connection per request, so the workers share the clients. The Node rows count to ${node}: compare rows by how they used the machine (in flight, CPU, threads), not by req/s.`,
    `Every row's window lasted at least ${options.minRounds} rounds (a round: clients × one request alone ÷ the requests the model runs at once) and at least ${options.durationSeconds} s, up to ${options.maxDurationSeconds} s, after a warm-up of ${options.warmupSeconds} s and a round of answers; the window table says how many rounds each held, and a row that held fewer, or whose warm-up ran out, is not steady state.`,
    ...(deciding === null || deciding.rows.length === 0
      ? []
      : [
          `At ${format.clients(options.clients.at(-1) ?? 1)} \`python async def\` and \`python def\` ran ${deciding.stop.blocks} times each, interleaved (A B, B A…), each run on a fresh server, to decide the claim (up to ${options.maxReplicates}); tables give their figures as the median over the runs followed by [min–max].`,
        ]),
    "The Python app prints its start/end lines with no time: the runner stamped each line as it arrived (the apps line-buffer their stdout, the one line added to the original), so Python timelines are as exact as a pipe's delivery and name no thread.",
  ];
}

process.exitCode = await runProgram(parseFastapiArgs, async (options, { argv, group, say: sayLine }) => {
  await mkdir(WORK_DIR, { recursive: true });
  const dateUtc = new Date().toISOString();
  const cores = defaultThreadCount();
  const models = Object.values(PYTHON_MODELS);
  // One step per row: each Node variant and each Python model at each client count, and at most the replicates.
  const steps = options.clients.length * (NODE_VARIANTS.length + models.length) + 2 * (options.maxReplicates - 1);
  const context = { group, ...watching(sayLine, steps) };
  const { say } = context;
  say(
    `make fastapi: at ${options.clients.join(', ')} clients, Node ${NODE_VARIANTS.join(', ')}, then ${models.map((model) => model.label).join(', ')}`,
  );
  say(estimateLine(options, cores));
  const runs: ReportRow[] = [];
  let decided: DecidedClaim | null = null;
  // Client count by client count, so a slow spell of the machine does not fall on one model only.
  try {
    for (const clients of options.clients) {
      runs.push(...(await nodeRows(options, clients, cores, context)));
      for (const model of models) runs.push(...(await pythonRow(model, options, clients, cores, context)));
    }
    decided = await decideClaim(options, cores, context, runs);
    runs.push(...decided.rows);
  } finally {
    context.progress.clear(); // before the table, or an error, is printed
  }
  const failed = failedRowsLine(runs);
  if (!anyMeasured(runs)) throw new Error(failed ?? 'no row was measured');
  const first = nodeOptions(options, options.clients[0] ?? 1, cores);
  const plan = planOf(first);
  const report = assembleReport({
    scenario: plan.scenario,
    parameters: reportParameters(first, plan),
    provenance: provenance(commandLine('fastapi', argv), dateUtc),
    runs,
    notes: notes(options, cores, decided),
  });
  const claimOptions = { margin: DEFAULT_EQUIVALENCE_MARGIN, looks: decided?.looks ?? 1 };
  const verdict = claimVerdict(claimPoints(runs.filter(isMeasured)), claimOptions);
  const value = { ...report, claim: { ...verdict, ...claimOptions, stop: decided?.stop ?? null } };
  const document = fastapiDocument(value);
  process.stdout.write(`${renderTerminal(document)}

`);
  if (options.writeReport) {
    const written = await writeReport(
      options.reportsDir,
      dateUtc,
      `fastapi-${report.scenario}`,
      renderMarkdown(document),
      value,
      renderHtml(document),
    );
    if (failed !== null) say(`error: ${failed}`);
    say(writtenLine(written)); // the last line names the page to open
  } else if (failed !== null) say(`error: ${failed}`);
  return failed === null ? 0 : EXIT_ROW_FAILED;
});
