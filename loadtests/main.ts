// Entry point of `make loadtest`: run each scenario, print its table, write its report.
import { EXIT_TOO_MANY_FAILED, tooManyFailed } from './fail-on-errors.ts';
import { parseLoadtestArgs } from './flags.ts';
import { runProgram } from './cli/program.ts';
import { commandLine, provenance } from './observe/provenance.ts';
import { reportParameters } from './options.ts';
import { assembleReport } from './report/assemble.ts';
import { renderHtml } from './document/html.ts';
import { renderMarkdown } from './document/markdown.ts';
import { renderTerminal, terminalAnswer, terminalBody } from './document/terminal.ts';
import { loadtestDocument } from './report/document.ts';
import { isMeasured } from './report/runs.ts';
import { writeReport, writtenLine } from './report/write.ts';
import { plannedRows, runScenario } from './measure/run-scenario.ts';
import { runUntilDecided, untilDecidedLines } from './measure/until-decided.ts';
import { watching } from './observe/run-progress.ts';
import { anyMeasured, EXIT_ROW_FAILED, failedRowsLine } from './row-failures.ts';

process.exitCode = await runProgram(parseLoadtestArgs, async (options, { argv, group, say: sayLine }) => {
  const rowCount = options.plans.reduce((sum, plan) => sum + plannedRows(plan, options), 0);
  const { say, progress } = watching(sayLine, rowCount);
  const context = { options, group, say, progress };
  const named = (scenario: string, line: string): string => (options.plans.length > 1 ? `${scenario}: ${line}` : line);
  const failedRows: string[] = [];
  const tooMany: string[] = [];
  const writtenLines: string[] = [];
  const answers: string[] = [];
  // Each scenario gets its own report, written as soon as it is measured.
  for (const plan of options.plans) {
    const dateUtc = new Date().toISOString();
    say(
      `scenario ${plan.scenario.name}: ${options.target === null ? plan.variants.join(', ') : `${options.target.label} (--target)`}`,
    );
    const decided = options.untilDecided ? await runUntilDecided(plan, context).finally(() => progress.clear()) : null;
    const rows = decided?.rows ?? (await runScenario(plan, context).finally(() => progress.clear()));
    const failed = failedRowsLine(rows);
    if (failed !== null) failedRows.push(named(plan.scenario.name, failed));
    if (!anyMeasured(rows)) continue; // nothing to report: no table of failures alone
    const over = tooManyFailed(rows.filter(isMeasured), options.failOnErrors);
    if (over !== null) tooMany.push(named(plan.scenario.name, over));
    const report = assembleReport({
      scenario: plan.scenario,
      parameters: reportParameters({ ...options, repeat: decided?.stop.blocks ?? options.repeat }, plan),
      provenance: provenance(commandLine('loadtest', argv), dateUtc),
      runs: rows,
      ...(decided === null ? {} : { notes: untilDecidedLines(decided) }),
    });
    const document = loadtestDocument(report);
    const several = options.plans.length > 1;
    // With several reports, every answer is said once, at the end, above the files written.
    process.stdout.write(`${several ? terminalBody(document) : renderTerminal(document)}\n\n`);
    answers.push(terminalAnswer(document));
    if (options.writeReport) {
      const written = await writeReport(
        options.reportsDir,
        dateUtc,
        report.scenario,
        renderMarkdown(document),
        decided === null
          ? report
          : { ...report, untilDecided: { stop: decided.stop, comparisons: decided.comparisons } },
        renderHtml(document),
      );
      writtenLines.push(writtenLine(written));
      if (plan !== options.plans.at(-1) || !several) say(writtenLine(written));
    }
  }
  const failedLine =
    failedRows.length === 0 && tooMany.length === 0 ? null : `error: ${[...failedRows, ...tooMany].join('; ')}`;
  // The terminal ends with every answer, then the error, then every file the run wrote.
  if (options.plans.length > 1 || failedLine !== null) {
    if (options.plans.length > 1) process.stdout.write(`${answers.join('\n\n')}\n\n`);
    if (failedLine !== null) say(failedLine);
    for (const line of writtenLines) say(line);
  }
  if (failedLine === null) return 0;
  // A failed row outranks too many failed requests: the run itself is incomplete.
  return failedRows.length > 0 ? EXIT_ROW_FAILED : EXIT_TOO_MANY_FAILED;
});
