// Which document a report's JSON value makes: each command's pure builder, chosen by the value's
// own fields, so a report written by an earlier run can be rendered again with today's renderers.
// A report of another format version is refused by name: its fields may not be what the builder reads.
import { benchDocument } from '../bench/document.ts';
import { BENCH_FORMAT_VERSION, type BenchReport } from '../bench/model.ts';
import { fastapiDocument } from '../fastapi/document.ts';
import { crossoverDocument } from '../loadtests/crossover/document.ts';
import { CROSSOVER_FORMAT_VERSION, type CrossoverReport } from '../loadtests/crossover/model.ts';
import type { ReportDocument } from '../loadtests/document/model.ts';
import { loadtestDocument } from '../loadtests/report/document.ts';
import { type Report, REPORT_FORMAT_VERSION } from '../loadtests/report/model.ts';
import { sweepDocument } from '../loadtests/sweep/document.ts';
import { SWEEP_FORMAT_VERSION, type SweepReport } from '../loadtests/sweep/model.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The value as `T` when its formatVersion is the one this version renders; else an error saying which. */
function checked<T>(value: Record<string, unknown>, kind: string, version: number): T {
  if (value.formatVersion !== version)
    throw new Error(
      `a ${kind} report of format ${String(value.formatVersion)}: this version renders format ${version} only`,
    );
  return value as T;
}

/** The document of a report's JSON value; an error naming what it is not. */
export function documentOf(value: unknown): ReportDocument {
  if (!isRecord(value)) throw new Error('not a report: the JSON is not an object');
  if ('runs' in value && 'scenario' in value) {
    const report = checked<Report>(value, 'loadtest', REPORT_FORMAT_VERSION);
    return /\bfastapi\b/.test(report.command) ? fastapiDocument(report) : loadtestDocument(report);
  }
  if ('series' in value) return sweepDocument(checked<SweepReport>(value, 'sweep', SWEEP_FORMAT_VERSION));
  if ('windows' in value)
    return crossoverDocument(checked<CrossoverReport>(value, 'crossover', CROSSOVER_FORMAT_VERSION));
  if ('framework' in value && 'dispatch' in value)
    return benchDocument(checked<BenchReport>(value, 'bench', BENCH_FORMAT_VERSION));
  throw new Error('not a report this version can render: no runs, series, windows or framework');
}
