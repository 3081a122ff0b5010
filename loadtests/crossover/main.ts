// Entry point of `make crossover`: calibrate the loop, measure every window, compute, print, write.
import { defaultThreadCount } from '../../server/cores.ts';
import {
  DEFAULT_BLOCKING_IO_MS,
  DEFAULT_IO_MS,
  DEFAULT_SLICE_ITERATIONS,
  DEFAULT_UV_THREADS,
  DEFAULT_WORKERS,
} from '../../server/flags.ts';
import { checkHandlerOrExit } from '../../server/handler.ts';
import { runProgram } from '../cli/program.ts';
import { commandLine, provenance } from '../observe/provenance.ts';
import { watching } from '../observe/run-progress.ts';
import * as format from '../report/format.ts';
import { writeReport, writtenLine } from '../report/write.ts';
import { EXIT_ROW_FAILED } from '../row-failures.ts';
import { crossovers, handlerPlacements, healthThresholds, MAX_BLOCKS_PER_POINT } from './analysis.ts';
import { MIN_REPLICATES } from '../decide/stopping.ts';
import { parseCrossoverArgs } from './flags.ts';
import { iterationsPerMicrosecond } from './loop-rate.ts';
import { CROSSOVER_FORMAT_VERSION, type CrossoverReport } from './model.ts';
import { crossoverDocument } from './document.ts';
import { renderHtml } from '../document/html.ts';
import { renderMarkdown } from '../document/markdown.ts';
import { renderTerminal } from '../document/terminal.ts';
import { planPoints, runCrossover } from './run-crossover.ts';

process.exitCode = await runProgram(parseCrossoverArgs, async (options, { argv, group, say }) => {
  // A broken handler is one line before any load is sent.
  if (options.handlerPath !== null) await checkHandlerOrExit(options.handlerPath);
  const dateUtc = new Date().toISOString();
  // The cores this process can keep busy, cgroup quota included, as the pool's own default.
  const poolSize = defaultThreadCount();
  const perMicrosecond = iterationsPerMicrosecond();
  const sizing = {
    iterationsPerMicrosecond: perMicrosecond,
    poolSize,
    clients: 2 * poolSize,
    settings: {
      poolSize,
      workers: DEFAULT_WORKERS,
      uvThreads: DEFAULT_UV_THREADS,
      iterations: 1,
      sliceIterations: DEFAULT_SLICE_ITERATIONS,
      ioMs: DEFAULT_IO_MS,
      blockingIoMs: DEFAULT_BLOCKING_IO_MS,
    },
  };
  const points = planPoints(options, perMicrosecond).length * options.payloads.length;
  // Steps: the two runs of each variant every point gets; undecided points may add more within the bound.
  const watch = watching(say, points * 2 * MIN_REPLICATES);
  watch.say(
    `crossover: ${format.plural(points, 'point')} (${options.cpuMicros.length} CPU points × ${options.payloads.length} bodies${options.handlerPath === null ? '' : ', and your handler'}), inline and pool interleaved at each until decided (up to ${MAX_BLOCKS_PER_POINT} runs each, further runs within ${options.maxDurationSeconds} s), pool of ${poolSize}, ${format.clients(sizing.clients)}; the loop runs ${format.count(Math.round(perMicrosecond))} increments per µs here`,
  );
  const windows = await runCrossover(options, sizing, { group, ...watch }).finally(() => watch.progress.clear());
  if (windows.every((window) => window.state === 'failed'))
    throw new Error(
      `no window could be measured: ${windows.map((w) => (w.state === 'failed' ? w.reason : '')).join('; ')}`,
    );
  const { cpuMicros, payloads } = options;
  const report: CrossoverReport = {
    formatVersion: CROSSOVER_FORMAT_VERSION,
    ...provenance(commandLine('crossover', argv), dateUtc),
    parameters: {
      cpuMicros,
      payloads,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      maxDurationSeconds: options.maxDurationSeconds,
      clients: sizing.clients,
      poolSize,
      iterationsPerMicrosecond: perMicrosecond,
      transfer: options.transfer,
      handler: options.handler,
    },
    windows,
    crossovers: crossovers(windows, cpuMicros, payloads),
    healthThresholds: healthThresholds(windows, cpuMicros, payloads),
    handler: options.handlerPath === null ? null : handlerPlacements(windows, cpuMicros, payloads),
  };
  const document = crossoverDocument(report);
  process.stdout.write(`${renderTerminal(document)}\n`);
  const failed = windows.filter((window) => window.state === 'failed').length;
  if (failed > 0)
    say(
      `error: ${format.plural(failed, 'window')} could not be measured and ${failed === 1 ? 'is' : 'are'} marked failed in the report`,
    );
  if (options.writeReport) {
    const markdown = renderMarkdown(document);
    const html = renderHtml(document);
    const written = await writeReport(options.reportsDir, dateUtc, 'crossover', markdown, report, html);
    say(writtenLine(written)); // the last line: where the report went
  }
  return failed === 0 ? 0 : EXIT_ROW_FAILED;
});
