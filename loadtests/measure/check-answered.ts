// Whether a window's load may become a row: some answer came, and not only failures (a table of
// zeros would read as a measurement). 503/504 alone are a result where turning away is measured.
import type { WindowLoad } from '../load/load-result.ts';
import { MeasurementError } from '../observe/measurement-error.ts';
import * as format from '../report/format.ts';
import type { MeasureSettings } from './measure.ts';

/** The statuses a server answers with when it turns a request away (503) or its deadline passes (504). */
const TURN_AWAY_STATUSES = ['503', '504'];

/** Whether the server answered, and every answer that was not 2xx was a 503 or 504. */
function onlyTurnedAway(load: WindowLoad['result']): boolean {
  const statuses = Object.entries(load.statusCounts).filter(([status, count]) => count > 0 && !status.startsWith('2'));
  return statuses.length > 0 && statuses.every(([status]) => TURN_AWAY_STATUSES.includes(status));
}

/** Throws when nothing was answered, or nothing but failures: never a row of zeros. */
export function checkAnswered(name: string, load: WindowLoad['result'], settings: MeasureSettings): void {
  const failed = load.errors + load.timeouts + load.non2xx;
  const seconds = load.durationSeconds.toFixed(1);
  if (load.ok === 0 && failed === 0)
    throw new MeasurementError(`the ${name} server answered none of the requests sent in a ${seconds} s window`);
  if (load.ok === 0 && settings.turnAwaysMeasured && onlyTurnedAway(load)) return;
  if (load.ok === 0 || load.latencyMs === null) {
    throw new MeasurementError(
      `every request to the ${name} server failed: ${format.plural(load.errors, 'error')}, ${format.plural(load.timeouts, 'timeout')}, ${format.plural(load.non2xx, 'non-2xx answer')}`,
    );
  }
}
