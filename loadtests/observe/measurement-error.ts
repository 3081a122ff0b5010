// A row that could not be measured: its server did not start, did not answer, exited, or never
// drained. Its message is the one line the report and the runner state as the row's reason; no
// figure is ever reported as 0 instead. Anything else thrown is a broken run, not a failed row.

export class MeasurementError extends Error {
  override name = 'MeasurementError';
}
