// The registry of scenarios: adding one is one file plus one line here.
import { curlLoops } from './curl-loops.ts';
import { ioWait } from './io-wait.ts';
import { overload } from './overload.ts';
import type { Scenario } from './types.ts';

export const scenarios = { 'curl-loops': curlLoops, 'io-wait': ioWait, overload } as const satisfies Record<
  string,
  Scenario
>;

export type ScenarioName = keyof typeof scenarios;

export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

/** What `make loadtest` runs without flags. */
export const DEFAULT_SCENARIOS: readonly ScenarioName[] = ['curl-loops', 'io-wait'];
