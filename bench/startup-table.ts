// Figure 6's table: spawn to listening line per server, against bare node:http. Pure.
import * as format from '../loadtests/report/format.ts';
import { median } from '../loadtests/stats/percentile.ts';
import { type Table, tableFrom } from '../loadtests/document/model.ts';
import type { BenchReport } from './model.ts';
import { STARTUP_REFERENCE } from './target-values.ts';

type Startup = BenchReport['startup'][number];

export function startupTable(report: BenchReport): Table {
  const reference = report.startup.find((row) => row.server === STARTUP_REFERENCE);
  const against = (of: (row: Startup) => readonly number[]) => (row: Startup) =>
    reference === undefined ? format.MISSING : format.ratio(median(of(row)) / median(of(reference)));
  return tableFrom<Startup>(report.startup, [
    { header: 'server', align: 'left', cell: (row) => row.server },
    { header: 'starts', cell: (row) => String(row.startupMs.length) },
    { header: 'listening, median ms', cell: (row) => format.ms(median(row.startupMs)) },
    { header: 'min ms', cell: (row) => format.ms(Math.min(...row.startupMs)) },
    { header: 'max ms', cell: (row) => format.ms(Math.max(...row.startupMs)) },
    { header: `× ${STARTUP_REFERENCE}`, cell: against((row) => row.startupMs) },
    { header: 'first answers, median ms', cell: (row) => format.ms(median(row.firstAnswersMs)) },
    { header: 'CPU to listening, median ms', cell: (row) => format.ms(median(row.startupCpuMs)) },
    { header: `CPU × ${STARTUP_REFERENCE}`, cell: against((row) => row.startupCpuMs) },
  ]);
}
