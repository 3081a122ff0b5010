// Figure 2's task: no work at all, so a round-trip through the pool is pure dispatch overhead.
// The bench calls the same function directly for the reference.
export default function noop(task: number): number {
  return task;
}
