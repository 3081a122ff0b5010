// The registry of scenarios: adding one is one file plus one line here.
import { curlLoops } from './curl-loops.ts';
import { overload } from './overload.ts';
import type { Scenario } from './types.ts';

export const scenarios = { 'curl-loops': curlLoops, overload } as const satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;

export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

export const DEFAULT_SCENARIO: ScenarioName = 'curl-loops';
