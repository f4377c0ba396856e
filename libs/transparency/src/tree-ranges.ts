/**
 * Where the hashes of an RFC 9162 proof come from, as ranges of leaves, without any hashing: the
 * proofs are planned first and their nodes fetched in one go, so that a store answers a proof in
 * one round trip whatever the tree's size.
 *
 * A perfect node `(level, index)` is the root of the 2^level leaves from `index * 2^level`. The
 * store keeps every perfect node; any other range the RFC's recursion reaches starts at a multiple
 * of its largest power of two, so its hash folds O(log n) perfect nodes from the right.
 */
export interface PerfectNode {
  readonly level: number;
  readonly index: number;
}

/** Leaves `[start, end)`. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The perfect nodes whose right fold is the hash of a range, left to right. */
export function perfectNodesOf({ start, end }: LeafRange): PerfectNode[] {
  const nodes: PerfectNode[] = [];
  let from = start;
  while (from < end) {
    let size = 1;
    while (from % (size * 2) === 0 && from + size * 2 <= end) size *= 2;
    nodes.push({ level: Math.log2(size), index: from / size });
    from += size;
  }
  return nodes;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the ranges whose hashes prove leaf m in a tree of n leaves, leaf side first. */
export function inclusionRanges(leafIndex: number, treeSize: number): LeafRange[] {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize} leaves`);
  }
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (leafIndex < start + k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
    }
  }
  return ranges.reverse();
}

/**
 * RFC 9162 §2.1.4.1 PROOF(m, D[n]): the ranges whose hashes prove that a tree of n leaves keeps the
 * first m unchanged. Empty when m = n (nothing to prove), and when m = 0: the RFC defines proofs
 * for 0 < m only, but the empty tree is a prefix of every tree, and libs/verifier accepts the empty
 * proof from it, so that the checkpoint of size 0 a new ledger signs can be followed like any other.
 */
export function consistencyRanges(fromSize: number, toSize: number): LeafRange[] {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || fromSize > toSize) {
    throw new RangeError(`no consistency proof from ${fromSize} to ${toSize} leaves`);
  }
  if (fromSize === 0) return [];
  const appended: LeafRange[] = [];
  let start = 0;
  let end = toSize;
  // Leaves of the old tree inside [start, end); the old tree's root is known to the verifier only
  // while the recursion has not left the leftmost path ("b" in the RFC).
  let oldLeaves = fromSize;
  let onLeftEdge = true;
  while (oldLeaves !== end - start) {
    const k = splitPoint(end - start);
    if (oldLeaves <= k) {
      appended.push({ start: start + k, end });
      end = start + k;
    } else {
      appended.push({ start, end: start + k });
      start += k;
      oldLeaves -= k;
      onLeftEdge = false;
    }
  }
  const subtree = onLeftEdge ? [] : [{ start, end }];
  return [...subtree, ...appended.reverse()];
}
