// The Merkle Tree Hash (MTH) of RFC 9162 §2.1.1, two ways: all at once from a list of leaf hashes,
// and streaming, for checking a long export in one pass without holding it in memory.
import { copyBytes, isHash } from './bytes';
import { emptyTreeRoot, nodeHash } from './hash';

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) of the given leaf hashes, exactly as RFC 9162 §2.1.1 defines it. */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  leafHashes.forEach((hash, i) => {
    if (!isHash(hash)) throw new TypeError(`leaf hash ${i} is not a 32-byte Uint8Array`);
  });
  return leafHashes.length === 0 ? emptyTreeRoot() : copyBytes(subtreeRoot(leafHashes, 0, leafHashes.length));
}

// Recursion depth is log2(n), so at most 53 for any array JavaScript can hold.
function subtreeRoot(leaves: readonly Uint8Array[], start: number, end: number): Uint8Array {
  if (end - start === 1) return leaves[start] as Uint8Array;
  const k = splitPoint(end - start);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

/** A perfect subtree of the tree: `2^level` leaves from leaf `index * 2^level` on, and its hash. */
export interface PerfectSubtree {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

/** The perfect subtrees a tree of `size` leaves falls into from the left, largest first: one per set bit of the size. */
export function compactRangeOf(size: number): { level: number; index: number }[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`a tree size is a non-negative integer, not ${size}`);
  const pieces: { level: number; index: number }[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level -= 1) {
    const width = 2 ** level;
    if (size - start >= width) {
      pieces.push({ level, index: start / width });
      start += width;
    }
  }
  return pieces;
}

/**
 * Streaming MTH. It keeps one root per set bit of the size — the perfect subtrees the tree's leaves
 * fall into from the left, largest first (a "compact range") — so memory is O(log n), append is
 * amortised O(1) hashes, and root() at any size costs O(log n). A tree kept elsewhere resumes from
 * its compact range; each append can report the perfect subtrees it completes, for a store that
 * keeps them to answer proofs.
 */
export class TreeBuilder {
  private readonly roots: Uint8Array[] = [];
  private leafCount = 0;

  /** A builder holding `size` leaves, given the hashes of the compact range of that size (compactRangeOf), largest first. */
  static resume(size: number, peaks: readonly Uint8Array[]): TreeBuilder {
    const expected = compactRangeOf(size).length;
    if (peaks.length !== expected) throw new RangeError(`a tree of ${size} leaves has ${expected} peaks, not ${peaks.length}`);
    peaks.forEach((peak, i) => {
      if (!isHash(peak)) throw new TypeError(`peak ${i} is not a 32-byte Uint8Array`);
    });
    const builder = new TreeBuilder();
    builder.roots.push(...peaks.map(copyBytes));
    builder.leafCount = size;
    return builder;
  }

  get size(): number {
    return this.leafCount;
  }

  /** Copies of the compact range's hashes, largest first: what `resume` takes back. */
  peaks(): Uint8Array[] {
    return this.roots.map(copyBytes);
  }

  /** Adds a leaf; `onSubtree` is told of the leaf itself and of every larger perfect subtree it completes, smallest first. */
  append(leafHash: Uint8Array, onSubtree?: (subtree: PerfectSubtree) => void): void {
    if (!isHash(leafHash)) throw new TypeError('TreeBuilder.append takes a 32-byte leaf hash');
    if (this.leafCount >= Number.MAX_SAFE_INTEGER) throw new RangeError('tree size would pass Number.MAX_SAFE_INTEGER');
    let node = copyBytes(leafHash);
    let level = 0;
    const leafIndex = this.leafCount;
    onSubtree?.({ level, index: leafIndex, hash: copyBytes(node) });
    // Each trailing 1-bit of the old size is a perfect subtree exactly as tall as `node`: merge them,
    // the way a binary counter carries.
    for (let size = this.leafCount; size % 2 === 1; size = (size - 1) / 2) {
      const left = this.roots.pop();
      if (left === undefined) throw new Error('TreeBuilder: internal invariant broken');
      node = nodeHash(left, node);
      level += 1;
      onSubtree?.({ level, index: Math.floor(leafIndex / 2 ** level), hash: copyBytes(node) });
    }
    this.roots.push(node);
    this.leafCount += 1;
  }

  /** MTH of the leaves appended so far. RFC 9162 splits at the largest power of two, which is
   * exactly the leftmost peak, so the root is the peaks folded together from the right. */
  root(): Uint8Array {
    let root: Uint8Array | undefined;
    for (let i = this.roots.length - 1; i >= 0; i--) {
      const peak = this.roots[i] as Uint8Array;
      root = root === undefined ? peak : nodeHash(peak, root);
    }
    return root === undefined ? emptyTreeRoot() : copyBytes(root);
  }
}
