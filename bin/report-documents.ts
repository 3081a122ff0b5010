// Which document a report's JSON value makes: each command's pure builder, chosen by the value's
// own fields, so a report written by any earlier run can be rendered again with today's renderers.
import type { ReportDocument } from '../loadtests/document/model.ts';
import type { Report } from '../loadtests/report/model.ts';
import { loadtestDocument } from '../loadtests/report/document.ts';
import { fastapiDocument } from '../fastapi/document.ts';
import type { SweepReport } from '../loadtests/sweep/model.ts';
import { sweepDocument } from '../loadtests/sweep/document.ts';
import type { CrossoverReport } from '../loadtests/crossover/model.ts';
import { crossoverDocument } from '../loadtests/crossover/document.ts';
import type { BenchReport } from '../bench/model.ts';
import { benchDocument } from '../bench/document.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The document of a report's JSON value; an error naming what it is not. */
export function documentOf(value: unknown): ReportDocument {
  if (!isRecord(value)) throw new Error('not a report: the JSON is not an object');
  if ('runs' in value && 'scenario' in value) {
    const report = value as unknown as Report;
    return /\bfastapi\b/.test(report.command) ? fastapiDocument(report) : loadtestDocument(report);
  }
  if ('series' in value) return sweepDocument(value as unknown as SweepReport);
  if ('windows' in value) return crossoverDocument(value as unknown as CrossoverReport);
  if ('framework' in value && 'dispatch' in value) return benchDocument(value as unknown as BenchReport);
  throw new Error('not a report this version can render: no runs, series, windows or figures');
}
