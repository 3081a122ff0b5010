// The load runner's --handler, --transfer and --payload-bytes, and which scenarios and variants a
// run with --handler keeps: the handler replaces the CPU work, so it runs in the CPU scenarios, on
// the variants that can run a request's own code as it is. Asked for by name, anything else is one
// line of error; left to the defaults, it is left out.
import type { Command } from 'commander';
import { intOption } from '../../server/int-option.ts';
import type { TransferMode } from '../../server/options.ts';
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

export function handlerFit(command: Command, asked: Asked): HandlerFit {
  const fit: HandlerFit = {
    scenario: (name) => scenarios[name].work === 'cpu',
    variant: (name) => HANDLER_VARIANTS.includes(name),
  };
  if (asked.target !== undefined)
    command.error(
      "error: option '--handler <path>' runs in the runner's own servers; it cannot go with --target <url>",
    );
  const variants = (asked.variants ?? []).filter((name) => !fit.variant(name));
  if (variants.length > 0)
    command.error(
      `error: option '--handler <path>' runs in ${HANDLER_VARIANTS.join(', ')} only (the others cannot run a request's own code as it is), got --variants ${variants.join(',')}`,
    );
  const named =
    command.getOptionValueSource('scenario') === 'cli' ? asked.scenario.filter((name) => !fit.scenario(name)) : [];
  if (named.length > 0)
    command.error(
      `error: option '--handler <path>' replaces the CPU work: it runs in scenarios with CPU work, got --scenario ${named.join(',')}`,
    );
  return fit;
}
