// The sweep's flags: which sizes and client counts, over which variants. Validated once into a
// frozen options object; variant settings and their ranges come from the server's flags module.
import { Command, Option } from 'commander';
import { withVariantSettings } from '../../server/flags.ts';
import { intInRange, type IntRange } from '../../server/int-option.ts';
import { variantNames, variants, type VariantName } from '../../server/variants/index.ts';
import { commaList, commaListOption, oneOf } from '../cli/comma-list.ts';
import {
  checkReportsDir,
  CONNECTIONS_RANGE,
  durationOption,
  noReportOption,
  reportsDirOption,
  settingsOf,
  warmupOption,
} from '../cli/common-flags.ts';
import type { VariantSettingValues } from '../report/model.ts';

export interface SweepOptions {
  readonly sizes: readonly number[];
  readonly sizeVariants: readonly VariantName[];
  readonly sizeClients: number;
  readonly clients: readonly number[];
  readonly clientVariants: readonly VariantName[];
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly settings: VariantSettingValues;
  readonly writeReport: boolean;
  readonly reportsDir: string;
}

export const DEFAULT_SIZES = [1, 2, 4, 8, 16, 32, 64] as const;
export const DEFAULT_CLIENTS = [1, 2, 4, 8, 16, 32] as const;
/** More clients than most sizes, so that sizes above the core count still have work. */
export const DEFAULT_SIZE_CLIENTS = 8;
export const DEFAULT_SIZE_VARIANTS: readonly VariantName[] = ['pool', 'cluster', 'libuv'];
export const DEFAULT_CLIENT_VARIANTS: readonly VariantName[] = ['inline', 'pool'];
export const DEFAULT_DURATION_SECONDS = 3;
export const DEFAULT_WARMUP_SECONDS = 1;
/** --quick: a few points of the pool only, in about half a minute (33 s measured on 2 cores). */
export const QUICK = {
  sizes: [1, 2, 4, 8],
  sizeVariants: ['pool'],
  clients: [1, 4, 16],
  durationSeconds: 1,
  warmupSeconds: 1,
} as const;
/** The largest list a sweep takes: each point costs seconds. */
const MAX_POINTS = 16;

const sizedVariants = variantNames.filter((name) => variants[name].sizeSetting !== null);

/** Sorted, since a sweep's points are read in order of the swept value. */
function numberList(range: IntRange): (raw: string) => number[] {
  const allowed = `a comma list of 1 to ${MAX_POINTS} whole numbers from ${range.min} to ${range.max}`;
  const list = commaList(allowed, intInRange(range), MAX_POINTS);
  return (raw) => list(raw).sort((a, b) => a - b);
}

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
        DEFAULT_SIZES,
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
        `clients during the size sweep (${CONNECTIONS_RANGE.min}-${CONNECTIONS_RANGE.max})`,
      )
        .argParser(intInRange(CONNECTIONS_RANGE))
        .default(DEFAULT_SIZE_CLIENTS),
    )
    .addOption(
      commaListOption(
        '--clients <list>',
        `client counts of the client sweep (${CONNECTIONS_RANGE.min}-${CONNECTIONS_RANGE.max})`,
        numberList(CONNECTIONS_RANGE),
        DEFAULT_CLIENTS,
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
    .addOption(warmupOption('each point', DEFAULT_WARMUP_SECONDS));
  return withVariantSettings(command)
    .addOption(
      new Option(
        '--quick',
        `a smoke sweep of about half a minute: pool sizes ${QUICK.sizes.join(',')}, clients ${QUICK.clients.join(',')}, ${QUICK.durationSeconds} s per point`,
      ).conflicts(['sizes', 'sizeVariants', 'clients', 'duration', 'warmup']),
    )
    .addOption(noReportOption('the tables'))
    .addOption(reportsDirOption())
    .exitOverride();
}

interface RawOptions extends VariantSettingValues {
  sizes: number[];
  sizeVariants: VariantName[];
  sizeClients: number;
  clients: number[];
  clientVariants: VariantName[];
  duration: number;
  warmup: number;
  quick?: boolean;
  report: boolean;
  reportsDir: string;
}

export function parseSweepArgs(argv: readonly string[]): SweepOptions {
  const command = sweepCommand();
  const raw = command.parse([...argv], { from: 'user' }).opts<RawOptions>();
  checkReportsDir(command, raw);
  const quick = raw.quick === true;
  const sizeVariants = quick ? QUICK.sizeVariants : raw.sizeVariants;
  const sizes = quick ? QUICK.sizes : raw.sizes;
  return Object.freeze({
    sizes,
    sizeVariants,
    sizeClients: raw.sizeClients,
    clients: quick ? QUICK.clients : raw.clients,
    clientVariants: raw.clientVariants,
    durationSeconds: quick ? QUICK.durationSeconds : raw.duration,
    warmupSeconds: quick ? QUICK.warmupSeconds : raw.warmup,
    settings: settingsOf(raw),
    writeReport: raw.report,
    reportsDir: raw.reportsDir,
  });
}
