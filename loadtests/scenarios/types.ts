// A scenario is data: who sends what, how many at once. It imports nothing that runs.
import type { WorkKind } from '../../server/flags.ts';
import type { VariantName } from '../../server/variants/index.ts';
import type { RetryMode, SheddingMode } from '../report/overload-model.ts';

export interface Scenario {
  readonly name: string;
  /** One sentence for --help and the report. */
  readonly description: string;
  /** Closed-loop clients, one connection each; connection i sends as client id i (1-based). */
  readonly connections: number;
  /** What each request does on the server. */
  readonly work: WorkKind;
  /** Variants it runs on when --variants is not given; 'cpu' = every CPU-bound variant. */
  readonly variants: 'cpu' | readonly VariantName[];
  /** Server settings the scenario is about; --max-queue / --timeout-ms on the command line win. */
  readonly server?: { readonly maxQueue?: number; readonly timeoutMs?: number };
  /**
   * 503 and 504 answers are what the scenario measures: a variant that answered every request with
   * them is a measured row ("served 0 of 93; all 504"), not a failed one.
   */
  readonly turnAwaysMeasured?: boolean;
  /** How turned-away clients ask again, a row each (--retry wins); absent: at once. */
  readonly retry?: readonly RetryMode[];
  /** pool's paced rejections on and/or off, a server each (--shedding wins); absent: on. */
  readonly shedding?: readonly SheddingMode[];
}
