// The per-client and per-process tables of the run each variant shows (the one nearest its median
// req/s): who was served how much, as plain cells.
import * as format from './format.ts';
import type { Report, VariantRun } from './model.ts';
import { groupByVariant } from './runs.ts';
import { type Table, tableFrom } from '../document/model.ts';

type Client = VariantRun['clients'][number];

export function clientsTable(report: Report): Table {
  const rows = groupByVariant(report).flatMap(({ shown: run }) => {
    const most = Math.max(...run.clients.map((client) => client.served));
    return run.clients.map((client) => ({ run, client, most }));
  });
  return tableFrom<{ run: VariantRun; client: Client; most: number }>(rows, [
    { header: 'variant', align: 'left', cell: ({ run }) => run.variant },
    { header: 'client', cell: ({ client }) => String(client.clientId) },
    { header: 'served', cell: ({ client }) => String(client.served) },
    { header: 'share of most', cell: ({ client, most }) => format.share(most > 0 ? client.served / most : 0) },
    {
      header: 'mean latency ms',
      cell: ({ client }) => (client.meanLatencyMs === null ? format.MISSING : format.ms(client.meanLatencyMs)),
    },
  ]);
}

/** Rows only for variants that served from more than one process (cluster). */
export function processesTable(report: Report): Table {
  const rows = groupByVariant(report)
    .map((group) => group.shown)
    .filter((run) => run.servedByProcess.length > 1)
    .flatMap((run) => run.servedByProcess.map((entry) => ({ variant: run.variant, ...entry })));
  return tableFrom(rows, [
    { header: 'variant', align: 'left', cell: (row) => row.variant },
    { header: 'process', cell: (row) => String(row.pid) },
    { header: 'served', cell: (row) => String(row.served) },
  ]);
}
