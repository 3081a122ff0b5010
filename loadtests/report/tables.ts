// The report's tables as plain cells: the terminal and the markdown render the same ones.
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align: Align;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
}

const left = (header: string): Column => ({ header, align: 'left' });
const right = (header: string): Column => ({ header, align: 'right' });

export function baselineRun(report: Report): VariantRun | undefined {
  return report.runs.find((run) => run.variant === report.baseline);
}

export function sizeCell(run: VariantRun): string {
  return run.size === null ? '–' : `${run.size.flag.replace(/^--/, '')} ${run.size.value}`;
}

export function resultsTable(report: Report): Table {
  const baseline = baselineRun(report);
  return {
    columns: [
      left('variant'),
      right('size'),
      right('req/s'),
      right('% of limit'),
      right(`× ${report.baseline}`),
      right('p50 ms'),
      right('p90 ms'),
      right('p99 ms'),
      right('max ms'),
      right('max in flight'),
      right('CPU %'),
      right('busy / threads'),
      right('fairness'),
      right('errors / timeouts / non-2xx'),
    ],
    rows: report.runs.map((run) => [
      run.variant,
      sizeCell(run),
      format.perSecond(run.requestsPerSecond),
      format.percent(run.percentOfLimit),
      baseline === undefined ? format.MISSING : format.ratio(run.requestsPerSecond / baseline.requestsPerSecond),
      format.ms(run.latencyMs.p50),
      format.ms(run.latencyMs.p90),
      format.ms(run.latencyMs.p99),
      format.ms(run.latencyMs.max),
      String(run.server.maxInFlight),
      format.percent(run.server.cpuPercent),
      run.server.threads === null ? format.MISSING : `${run.server.busyThreads} / ${run.server.threads}`,
      format.share(run.fairness),
      `${run.errors} / ${run.timeouts} / ${run.non2xx}`,
    ]),
  };
}

export function clientsTable(report: Report): Table {
  return {
    columns: [left('variant'), right('client'), right('served'), right('share of most'), right('mean latency ms')],
    rows: report.runs.flatMap((run) => {
      const most = Math.max(...run.clients.map((client) => client.served));
      return run.clients.map((client) => [
        run.variant,
        String(client.clientId),
        String(client.served),
        format.share(most > 0 ? client.served / most : 0),
        client.meanLatencyMs === null ? format.MISSING : format.ms(client.meanLatencyMs),
      ]);
    }),
  };
}

export function limitsTable(report: Report): Table {
  return {
    columns: [left('variant'), right('CPU ms / request'), right('limit req/s'), left('how the limit was obtained')],
    rows: report.runs.map((run) => [
      run.variant,
      run.limit.cpuMsPerRequest === null ? '– (waits)' : format.ms(run.limit.cpuMsPerRequest),
      format.perSecond(run.limit.requestsPerSecond),
      run.limit.basis,
    ]),
  };
}

/** Rows only for variants that served from more than one process (cluster). */
export function processesTable(report: Report): Table {
  return {
    columns: [left('variant'), right('process'), right('served')],
    rows: report.runs
      .filter((run) => run.servedByProcess.length > 1)
      .flatMap((run) => run.servedByProcess.map((entry) => [run.variant, String(entry.pid), String(entry.served)])),
  };
}
