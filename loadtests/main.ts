// Entry point of `make loadtest`: run each scenario, print its table, write its report.
import { EXIT_TOO_MANY_FAILED, tooManyFailed } from './fail-on-errors.ts';
import { parseLoadtestArgs } from './flags.ts';
import { runProgram } from './cli/program.ts';
import { commandLine, provenance } from './observe/provenance.ts';
import { reportParameters } from './options.ts';
import { assembleReport } from './report/assemble.ts';
import { renderHtml } from './report/html.ts';
import { renderMarkdown } from './report/markdown.ts';
import { isMeasured } from './report/runs.ts';
import { renderTerminal } from './report/terminal.ts';
import { writeReport, writtenLine } from './report/write.ts';
import { plannedRows, runScenario } from './measure/run-scenario.ts';
import { runUntilDecided, untilDecidedText } from './measure/until-decided.ts';
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
    });
    process.stdout.write(`${renderTerminal(report)}\n\n${decided === null ? '' : untilDecidedText(decided)}`);
    if (options.writeReport) {
      const written = await writeReport(
        options.reportsDir,
        dateUtc,
        report.scenario,
        renderMarkdown(report),
        decided === null
          ? report
          : { ...report, untilDecided: { stop: decided.stop, comparisons: decided.comparisons } },
        renderHtml(report),
      );
      writtenLines.push(writtenLine(written));
      say(writtenLine(written));
    }
  }
  if (failedRows.length === 0 && tooMany.length === 0) return 0;
  say(`error: ${[...failedRows, ...tooMany].join('; ')}`);
  // Said again below the error: the terminal's last line names the page to open.
  for (const line of writtenLines) say(line);
  // A failed row outranks too many failed requests: the run itself is incomplete.
  return failedRows.length > 0 ? EXIT_ROW_FAILED : EXIT_TOO_MANY_FAILED;
});
