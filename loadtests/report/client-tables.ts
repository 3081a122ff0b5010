// The per-client and per-process tables of the run each variant shows (the one nearest its median
// req/s): who was served how much, as plain cells.
import * as format from './format.ts';
import type { Report } from './model.ts';
import { groupByVariant } from './runs.ts';
import type { Table } from './tables.ts';

export function clientsTable(report: Report): Table {
  return {
    columns: [
      { header: 'variant', align: 'left' },
      { header: 'client', align: 'right' },
      { header: 'served', align: 'right' },
      { header: 'share of most', align: 'right' },
      { header: 'mean latency ms', align: 'right' },
    ],
    rows: groupByVariant(report).flatMap(({ shown: run }) => {
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

/** Rows only for variants that served from more than one process (cluster). */
export function processesTable(report: Report): Table {
  return {
    columns: [
      { header: 'variant', align: 'left' },
      { header: 'process', align: 'right' },
      { header: 'served', align: 'right' },
    ],
    rows: groupByVariant(report)
      .map((group) => group.shown)
      .filter((run) => run.servedByProcess.length > 1)
      .flatMap((run) => run.servedByProcess.map((entry) => [run.variant, String(entry.pid), String(entry.served)])),
  };
}
