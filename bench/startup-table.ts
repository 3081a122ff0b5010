// Figure 6's table: spawn to listening line per server, against bare node:http. Pure.
import * as format from '../loadtests/report/format.ts';
import { median } from '../loadtests/stats/percentile.ts';
import type { Column, Table } from '../loadtests/report/tables.ts';
import type { BenchReport } from './model.ts';
import { STARTUP_REFERENCE } from './target-values.ts';

const left = (header: string): Column => ({ header, align: 'left' });
const right = (header: string): Column => ({ header, align: 'right' });

export function startupTable(report: BenchReport): Table {
  const reference = report.startup.find((row) => row.server === STARTUP_REFERENCE);
  return {
    columns: [
      left('server'),
      right('starts'),
      right('listening, median ms'),
      right('min ms'),
      right('max ms'),
      right(`× ${STARTUP_REFERENCE}`),
      right('first answers, median ms'),
      right('CPU to listening, median ms'),
      right(`CPU × ${STARTUP_REFERENCE}`),
    ],
    rows: report.startup.map((row) => [
      row.server,
      String(row.startupMs.length),
      format.ms(median(row.startupMs)),
      format.ms(Math.min(...row.startupMs)),
      format.ms(Math.max(...row.startupMs)),
      reference === undefined ? format.MISSING : format.ratio(median(row.startupMs) / median(reference.startupMs)),
      format.ms(median(row.firstAnswersMs)),
      format.ms(median(row.startupCpuMs)),
      reference === undefined
        ? format.MISSING
        : format.ratio(median(row.startupCpuMs) / median(reference.startupCpuMs)),
    ]),
  };
}
