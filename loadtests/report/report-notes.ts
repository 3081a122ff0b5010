// The fixed explanations a loadtest report puts under its tables: how each figure was obtained.
import { FOREIGN_CPU_LIMIT_PERCENT } from './findings.ts';
import type { Report } from './model.ts';
import { measuredRuns } from './runs.ts';

/** How every limit's CPU cost was obtained (observe/calibrate.ts); said under every limits table. */
export const CALIBRATION_NOTE =
  'CPU ms / request is the server CPU time of the fastest of single requests sent one at a time after the measured window (at least 5, more while they add up to under 2 s of CPU, at most 25), in this run.';

export const WINDOW_NOTE =
  'One continuous closed loop per row: the same clients run through the warm-up and the window; only answers that arrived inside the window count. ' +
  'At its end the clients stop sending and wait for their outstanding answers (not counted), so no request runs into the next row. ' +
  "The server's own count (its End lines, else /stats) may differ from the clients' only by the requests in transit at the window's edges, at most one per connection.";

export const RESULTS_NOTE =
  'req/s ±95%: 2xx answers per second inside the window, from its rounds (a round ends when every client has answered once more), with the 95% interval of batch means over the rounds; a window of fewer than 5 rounds has none. Latencies are client-side, of the 2xx answers inside the window, to the microsecond; a p99 shown as ≥ X rests on too few answers to bound it from above. Columns are explained in reports/README.md.';

export const SERVER_NOTE =
  'Over the measured window only. Health: the bystander GET /health, timed to the microsecond. Loop: the event loop of the process that answered /stats.';

export const NOISE_NOTE = `CPU the load generator and every other process used during each window, in % of one core; foreign CPU over ${FOREIGN_CPU_LIMIT_PERCENT}% of a core is flagged above as noise.`;

/** What the timelines show. */
export const timelinesIntro = (report: Report): string =>
  `The first ${(measuredRuns(report)[0]?.timeline.spanMs ?? 0) / 1000} s of each variant's window (with --repeat, the run nearest its median req/s), from the server's own start/end lines. ` +
  'Text lanes: █/▓ a request being worked on (alternating per request), thread lanes how many requests that thread had in progress. ' +
  "On the page: one bar per request, in its client's fill; hover a bar for its client and times.";
