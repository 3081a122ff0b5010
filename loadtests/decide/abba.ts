// Interleaving for replicates: block by block the order runs forward, then backward (A B, B A, A B…),
// so a drift of the machine that is linear in time falls on every contender alike and cancels.

/** The contenders' order in block `block` (0-based): forward in even blocks, backward in odd ones. */
export function blockOrder<T>(contenders: readonly T[], block: number): T[] {
  return block % 2 === 0 ? [...contenders] : [...contenders].reverse();
}

/** The whole sequence of `blocks` blocks: for two contenders A B B A A B B A… */
export function abbaSequence<T>(contenders: readonly T[], blocks: number): T[] {
  return Array.from({ length: blocks }, (_, block) => blockOrder(contenders, block)).flat();
}
