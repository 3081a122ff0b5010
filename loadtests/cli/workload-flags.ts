// The load runner's --handler, --transfer and --payload-bytes, and which scenarios and variants a
// run with --handler or --blocking-io-ms keeps: the handler replaces the CPU work and the wait
// follows it, so they run in the CPU scenarios, on the variants that can run a request's own code
// as it is (or hold a thread). Asked for by name, anything else is one
// line of error; left to the defaults, it is left out.
import type { Command } from 'commander';
import { intOption } from '../../server/int-option.ts';
import type { TransferMode } from '../../server/options.ts';
import { BLOCKING_IO_VARIANTS, SERVER_FLAGS } from '../../server/flags.ts';
import type { VariantName } from '../../server/variants/index.ts';
import { BODY_BYTES_RANGE, HANDLER_VARIANTS, handlerOption, transferOption } from '../../server/workload-flags.ts';
import { handlerIdentity } from '../observe/handler-identity.ts';
import type { LoadtestOptions } from '../options.ts';
import { scenarios, type ScenarioName } from '../scenarios/index.ts';

/** The server's own --handler and --transfer, passed to every server; --payload-bytes, the load's. */
export function withWorkload(command: Command): Command {
  return command
    .addOption(handlerOption())
    .addOption(transferOption())
    .addOption(
      intOption(
        '--payload-bytes <n>',
        'every client POSTs a JSON order of n bytes to /<client id>; 0 = GET',
        BODY_BYTES_RANGE,
        0,
      ),
    );
}

export interface WorkloadFlags {
  readonly handler?: string;
  readonly transfer: TransferMode;
  readonly payloadBytes: number;
}

export function workloadOf(raw: WorkloadFlags): LoadtestOptions['workload'] {
  const handlerPath = raw.handler ?? null;
  return {
    handlerPath,
    handler: handlerPath === null ? null : handlerIdentity(handlerPath),
    payloadBytes: raw.payloadBytes,
    transfer: raw.transfer,
  };
}

export interface HandlerFit {
  readonly scenario: (name: ScenarioName) => boolean;
  readonly variant: (name: VariantName) => boolean;
}

interface Asked {
  readonly scenario: readonly ScenarioName[];
  readonly variants?: readonly VariantName[];
  readonly target?: unknown;
}

/** A flag that only some variants can run, and only in the CPU scenarios: how its errors name it. */
interface Restriction {
  /** As commander names it: "option '--handler <path>'". */
  readonly option: string;
  readonly variants: readonly VariantName[];
  /** Why the other variants cannot: "the others cannot run a request's own code as it is". */
  readonly why: string;
  /** What it does to the CPU work: "replaces the CPU work". */
  readonly onWork: string;
}

const HANDLER_RESTRICTION: Restriction = {
  option: "option '--handler <path>'",
  variants: HANDLER_VARIANTS,
  why: "the others cannot run a request's own code as it is",
  onWork: 'replaces the CPU work',
};

const BLOCKING_RESTRICTION: Restriction = {
  option: `option '${SERVER_FLAGS.blockingIoMs} <n>'`,
  variants: BLOCKING_IO_VARIANTS,
  why: 'the others have no thread of their own to hold',
  onWork: 'follows the CPU work',
};

function restrictedFit(command: Command, asked: Asked, rule: Restriction): HandlerFit {
  const fit: HandlerFit = {
    scenario: (name) => scenarios[name].work === 'cpu',
    variant: (name) => rule.variants.includes(name),
  };
  if (asked.target !== undefined)
    command.error(`error: ${rule.option} runs in the runner's own servers; it cannot go with --target <url>`);
  const variants = (asked.variants ?? []).filter((name) => !fit.variant(name));
  if (variants.length > 0)
    command.error(
      `error: ${rule.option} runs in ${rule.variants.join(', ')} only (${rule.why}), got --variants ${variants.join(',')}`,
    );
  const named =
    command.getOptionValueSource('scenario') === 'cli' ? asked.scenario.filter((name) => !fit.scenario(name)) : [];
  if (named.length > 0)
    command.error(
      `error: ${rule.option} ${rule.onWork}: it runs in scenarios with CPU work, got --scenario ${named.join(',')}`,
    );
  return fit;
}

/**
 * What a run with --handler or --blocking-io-ms keeps: the variants that can run it, in the CPU
 * scenarios; null when neither is given (everything fits).
 */
export function workloadFit(
  command: Command,
  asked: Asked & { readonly handler?: string; readonly blockingIoMs: number },
): HandlerFit | null {
  const rules = [
    ...(asked.handler === undefined ? [] : [HANDLER_RESTRICTION]),
    ...(asked.blockingIoMs > 0 ? [BLOCKING_RESTRICTION] : []),
  ];
  if (rules.length === 0) return null;
  const fits = rules.map((rule) => restrictedFit(command, asked, rule));
  return {
    scenario: (name) => fits.every((fit) => fit.scenario(name)),
    variant: (name) => fits.every((fit) => fit.variant(name)),
  };
}
