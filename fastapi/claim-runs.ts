// Where the claim is decided: at the largest client count, `async def` and `def` run again and
// again, interleaved A B B A (the survey ran A B), until both questions are decided, no count of runs
// could decide what is open, or --max-replicates is reached. Each look spreads the error (stopping.ts).
import { blockOrder } from '../loadtests/decide/abba.ts';
import { looksOf, type SequentialResult, untilDecided } from '../loadtests/decide/stopping.ts';
import type { ReportRow } from '../loadtests/report/model.ts';
import { isMeasured } from '../loadtests/report/runs.ts';
import { type Comparison, DEFAULT_EQUIVALENCE_MARGIN } from '../loadtests/stats/compare.ts';
import { undecidable } from '../loadtests/decide/replicates.ts';
import { type ClaimOptions, claimVerdict } from './claim.ts';
import { claimPoints } from './claim-text.ts';
import type { FastapiOptions } from './flags.ts';
import { PYTHON_MODELS, rowLabel } from './rows.ts';
import { pythonRow, type RowContext } from './run-rows.ts';

const ROUTES = [PYTHON_MODELS.async, PYTHON_MODELS.def] as const;

/** The two questions' comparisons at `clients`, from every row so far. */
export function claimComparisons(rows: readonly ReportRow[], clients: number, options: ClaimOptions): Comparison[] {
  const verdict = claimVerdict(claimPoints(rows.filter(isMeasured)), options);
  const point = verdict.points.find((candidate) => candidate.clients === clients);
  return [
    point?.throughput.comparison ?? undecidable('async def', 'def', 'req/s'),
    point?.responsiveness.comparison ?? undecidable('async def', 'def', '/health p99'),
  ];
}

export interface DecidedClaim {
  /** The runs beyond the survey's. */
  readonly rows: readonly ReportRow[];
  readonly stop: SequentialResult<ReportRow>['stop'];
  /** The looks the run could take: what each comparison's error was spread over. */
  readonly looks: number;
}

export async function decideClaim(
  options: FastapiOptions,
  cores: number,
  context: RowContext,
  survey: readonly ReportRow[],
): Promise<DecidedClaim> {
  const clients = options.clients.at(-1) ?? 1;
  const labels = ROUTES.map((model) => rowLabel(model.label, clients));
  const surveyed = survey.filter((row) => labels.includes(row.variant));
  const looks = looksOf(options.maxReplicates);
  const result = await untilDecided<ReportRow>({
    runBlock: async (block) => {
      if (block === 0) return surveyed;
      const rows: ReportRow[] = [];
      for (const model of blockOrder(ROUTES, block))
        rows.push(...(await pythonRow(model, options, clients, cores, context, block + 1)));
      return rows;
    },
    compareAll: (rows, looksAllowed) =>
      claimComparisons(rows, clients, { margin: DEFAULT_EQUIVALENCE_MARGIN, looks: looksAllowed }),
    bound: { maxBlocks: options.maxReplicates, maxSeconds: Number.POSITIVE_INFINITY },
    elapsedSeconds: () => performance.now() / 1000,
  });
  return { rows: result.rows.slice(surveyed.length), stop: result.stop, looks };
}
