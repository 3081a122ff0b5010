// A scenario is data: who sends what, how many at once. It imports nothing that runs.
import type { VariantName } from '../../server/variants/index.ts';

export interface Scenario {
  readonly name: string;
  /** One sentence for --help and the report. */
  readonly description: string;
  /** Closed-loop clients, one connection each; connection i sends as client id i (1-based). */
  readonly connections: number;
  /** Variants it runs on when --variants is not given. */
  readonly variants: 'all' | readonly VariantName[];
  /** Server settings the scenario is about; --max-queue / --timeout-ms on the command line win. */
  readonly server?: { readonly maxQueue?: number; readonly timeoutMs?: number };
  /** Whether to count answers to GET /health sent alongside the load in the measured window. */
  readonly healthProbe?: boolean;
}
