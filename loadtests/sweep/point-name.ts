// How sentences, comparisons and the noise guard name a point of a series.
import * as format from '../report/format.ts';
import type { SweepSeries } from './model.ts';

/** "pool --pool-size 4", "inline at 8 clients". */
export function pointName(series: Pick<SweepSeries, 'kind' | 'variant' | 'axis'>, x: number): string {
  return series.kind === 'size' ? `${series.variant} ${series.axis} ${x}` : `${series.variant} at ${format.clients(x)}`;
}
