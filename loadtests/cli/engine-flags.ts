// --engine, --generators and --generators-external: which engine sends the load. autocannon runs in
// this process; Locust runs a master and N worker processes here, and waits for workers from other
// machines when asked.
import type { Command } from 'commander';
import { intOption, type IntRange } from '../../server/int-option.ts';
import { AUTOCANNON, type LoadEngine } from '../report/placement-model.ts';
import { commaList, commaListOption, oneOf } from './comma-list.ts';

export type EngineName = LoadEngine['name'];
export const ENGINES: readonly EngineName[] = ['autocannon', 'locust'];
export const DEFAULT_ENGINES: readonly EngineName[] = ['autocannon'];
/** One worker process per core is Locust's own advice; two is the smallest distributed run. */
export const DEFAULT_GENERATORS = 2;
export const GENERATORS_RANGE: IntRange = { min: 0, max: 64 };
export const DEFAULT_EXTERNAL_GENERATORS = 0;
export const EXTERNAL_GENERATORS_RANGE: IntRange = { min: 0, max: 64 };

export function withEngineOptions(command: Command): Command {
  return command
    .addOption(
      commaListOption(
        '--engine <list>',
        'what sends the load: autocannon here, Locust master and workers, or both in turn on the same server',
        commaList(ENGINES.join(', '), oneOf(ENGINES)),
        DEFAULT_ENGINES,
      ),
    )
    .addOption(
      intOption(
        '--generators',
        'with --engine locust: worker processes on this machine',
        GENERATORS_RANGE,
        DEFAULT_GENERATORS,
      ),
    )
    .addOption(
      intOption(
        '--generators-external',
        'with --engine locust: workers the master waits for from other machines (it prints their command)',
        EXTERNAL_GENERATORS_RANGE,
        DEFAULT_EXTERNAL_GENERATORS,
      ),
    );
}

export interface EngineFlags {
  engine: EngineName[];
  generators: number;
  generatorsExternal: number;
  newConnection?: boolean;
}

/** The engines, in the order given; a conflicting flag is one line of error. */
export function enginesOf(command: Command, raw: EngineFlags): readonly LoadEngine[] {
  const given = (name: string): boolean => command.getOptionValueSource(name) === 'cli';
  if (!raw.engine.includes('locust')) {
    const stray = ['generators', 'generatorsExternal'].find(given);
    if (stray !== undefined)
      command.error(
        `error: option '--${stray === 'generators' ? 'generators' : 'generators-external'} <n>' needs --engine locust`,
      );
    return [AUTOCANNON];
  }
  // Locust's HttpUser keeps its connection alive; a connection per request is autocannon's side's only.
  if (raw.newConnection === true) command.error("error: option '--new-connection' cannot be used with --engine locust");
  if (raw.generators + raw.generatorsExternal === 0)
    command.error('error: --engine locust needs a worker: --generators <n> or --generators-external <n> above 0');
  const locust = { name: 'locust', generators: raw.generators, external: raw.generatorsExternal } as const;
  return raw.engine.map((name) => (name === 'locust' ? locust : AUTOCANNON));
}
