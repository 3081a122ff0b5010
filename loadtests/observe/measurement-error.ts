// A measurement that could not be taken: the server did not answer, exited, or never drained.
// Its message is the one line the runner prints; no figure is ever reported as 0 instead.

export class MeasurementError extends Error {
  override name = 'MeasurementError';
}
