// The sweep's flags: which sizes and client counts, over which variants, how often. Sizes and
// clients left out are chosen around the predicted knee (run-sweep.ts). Validated once into a
// frozen options object; variant settings and their ranges come from the server's flags module.
import { WARMUP_ANSWERS_PER_THREAD } from '../load/warm-up.ts';
import { Command, Option } from 'commander';
import { withVariantSettings } from '../../server/flags.ts';
import { intInRange, type IntRange } from '../../server/int-option.ts';
import { variantNames, variants, type VariantName } from '../../server/variants/index.ts';
import { commaList, commaListOption, oneOf, sortedIntList } from '../cli/comma-list.ts';
import { withWorkload, type WorkloadFlags, workloadFit, workloadOf } from '../cli/workload-flags.ts';
import type { LoadtestOptions } from '../options.ts';
import {
  checkReportsDir,
  CONNECTIONS_RANGE,
  durationOption,
  noReportOption,
  repeatOption,
  reportsDirOption,
  settingsOf,
  warmupOption,
} from '../cli/common-flags.ts';
import type { VariantSettingValues } from '../report/model.ts';

export interface SweepOptions {
  /** null: chosen around the predicted knee. */
  readonly sizes: readonly number[] | null;
  readonly sizeVariants: readonly VariantName[];
  /** null: chosen from the predicted knee (more clients than sizes). */
  readonly sizeClients: number | null;
  /** Empty: no client sweep. */
  readonly clients: readonly number[];
  readonly clientVariants: readonly VariantName[];
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly repeat: number;
  /** δ of the comparisons (0.05 = ±5%): the contention verdict's "equivalent". */
  readonly equivalenceMargin: number;
  /** --quick: fewer sizes (one per doubling, up to twice the knee). */
  readonly quick: boolean;
  readonly settings: VariantSettingValues;
  readonly workload: LoadtestOptions['workload'];
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

/** The pool only by default: the prediction is the pool's; --size-variants adds cluster and libuv. */
export const DEFAULT_SIZE_VARIANTS: readonly VariantName[] = ['pool'];
export const DEFAULT_CLIENT_VARIANTS: readonly VariantName[] = ['inline', 'pool'];
export const DEFAULT_DURATION_SECONDS = 3;
export const DEFAULT_WARMUP_SECONDS = 1;
/** Three fresh-server runs per point: enough to bootstrap the fit's intervals. */
export const DEFAULT_SWEEP_REPEAT = 3;
/** --quick: the pool only, one run per point, 1 s each, fewer sizes. */
export const QUICK = {
  sizeVariants: ['pool'],
  durationSeconds: 1,
  warmupSeconds: 1,
  repeat: 1,
} as const;
/**
 * --equivalence-margin, in percent. The sweep's own until loadtests/cli/common-flags.ts has the
 * shared one; then this goes.
 */
export const DEFAULT_EQUIVALENCE_MARGIN_PERCENT = 5;
export const EQUIVALENCE_MARGIN_RANGE: IntRange = { min: 1, max: 50 };
/** The largest list a sweep takes: each point costs seconds. */
const MAX_POINTS = 16;

const sizedVariants = variantNames.filter((name) => variants[name].sizeSetting !== null);

const numberList = (range: IntRange): ((raw: string) => number[]) => sortedIntList(range, MAX_POINTS);

const variantList = (allowed: readonly VariantName[]) =>
  commaList(`a comma list of ${allowed.join(', ')}`, oneOf(allowed));

/** Sizes every size flag accepts (--workers stops at 64), so one list serves all sized variants. */
const SIZE_RANGE: IntRange = { min: 1, max: 64 };

function sweepCommand(): Command {
  const command = new Command('sweep')
    .description('Sweeps pool sizes (and client counts) on this machine, finds the knee and recommends a size')
    .addOption(
      commaListOption(
        '--sizes <list>',
        `sizes for --pool-size, --workers and --uv-threads (${SIZE_RANGE.min}-${SIZE_RANGE.max})`,
        numberList(SIZE_RANGE),
      ),
    )
    .addOption(
      commaListOption(
        '--size-variants <list>',
        `variants whose size is swept (${sizedVariants.join(', ')})`,
        variantList(sizedVariants),
        DEFAULT_SIZE_VARIANTS,
      ),
    )
    .addOption(
      new Option(
        '--size-clients <n>',
        `clients during the size sweep (${CONNECTIONS_RANGE.min}-${CONNECTIONS_RANGE.max}; default: more than the largest size, at least twice the predicted knee)`,
      ).argParser(intInRange(CONNECTIONS_RANGE)),
    )
    .addOption(
      commaListOption(
        '--clients <list>',
        `client counts of a client sweep (${CONNECTIONS_RANGE.min}-${CONNECTIONS_RANGE.max}; default: none)`,
        numberList(CONNECTIONS_RANGE),
      ),
    )
    .addOption(
      commaListOption(
        '--client-variants <list>',
        `variants of the client sweep (${variantNames.join(', ')})`,
        variantList(variantNames),
        DEFAULT_CLIENT_VARIANTS,
      ),
    )
    .addOption(durationOption('per point', DEFAULT_DURATION_SECONDS, 'never'))
    .addOption(
      warmupOption(`each point (and until ${WARMUP_ANSWERS_PER_THREAD} answers per thread)`, DEFAULT_WARMUP_SECONDS),
    )
    .addOption(
      repeatOption('fresh-server runs per point, each fitted; tables show median [min–max]', DEFAULT_SWEEP_REPEAT),
    )
    .addOption(
      new Option(
        '--equivalence-margin <percent>',
        `ratios within ±this many percent count as the same in the contention verdict (${EQUIVALENCE_MARGIN_RANGE.min}-${EQUIVALENCE_MARGIN_RANGE.max})`,
      )
        .argParser(intInRange(EQUIVALENCE_MARGIN_RANGE))
        .default(DEFAULT_EQUIVALENCE_MARGIN_PERCENT),
    );
  return withWorkload(withVariantSettings(command))
    .addOption(
      new Option(
        '--quick',
        `a smoke sweep: the pool only, one size per doubling up to twice the predicted knee, ${QUICK.durationSeconds} s per point, one run`,
      ).conflicts(['sizeVariants', 'clients', 'duration', 'warmup', 'repeat']),
    )
    .addOption(noReportOption('the tables'))
    .addOption(reportsDirOption())
    .exitOverride();
}

interface RawOptions extends VariantSettingValues, WorkloadFlags {
  sizes?: number[];
  sizeVariants: VariantName[];
  sizeClients?: number;
  clients?: number[];
  clientVariants: VariantName[];
  duration: number;
  warmup: number;
  repeat: number;
  equivalenceMargin: number;
  quick?: boolean;
  report: boolean;
  reportsDir: string;
}

export function parseSweepArgs(argv: readonly string[]): SweepOptions {
  const command = sweepCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  checkReportsDir(command, raw);
  const quick = raw.quick === true;
  const clients = quick ? [] : (raw.clients ?? []);
  // --handler and --blocking-io-ms run on some variants only: named ones are refused in one line.
  workloadFit(command, {
    ...raw,
    scenario: ['curl-loops'],
    variants: [...raw.sizeVariants, ...(clients.length === 0 ? [] : raw.clientVariants)],
  });
  return Object.freeze({
    sizes: raw.sizes ?? null,
    sizeVariants: quick ? QUICK.sizeVariants : raw.sizeVariants,
    sizeClients: raw.sizeClients ?? null,
    clients,
    clientVariants: raw.clientVariants,
    durationSeconds: quick ? QUICK.durationSeconds : raw.duration,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    repeat: quick ? QUICK.repeat : raw.repeat,
    equivalenceMargin: raw.equivalenceMargin / 100,
    quick,
    settings: settingsOf(raw),
    workload: workloadOf(raw),
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}
