import { StoredEvent } from '@concord/event-store';
import { compactRangeOf, EMPTY_TREE_ROOT, leafHash, ledgerEntry, nodeHash, TreeBuilder } from '@concord/verifier';
import { consistencyRanges, inclusionRanges, LeafRange, perfectNodesOf } from './tree-ranges';
import { StoredNode, TransparencyStore } from './transparency-store.port';
import { EventProblem, firstUnreadable } from './event-vetting';

/**
 * The ledger's Merkle tree (RFC 9162 §2.1) over its global log: leaf p - 1 is the event at
 * position p. Each leaf is hashed once, when the tree is extended, and every perfect node it
 * completes is stored with it; roots and proofs of any size up to the tree's are then folded from
 * O(log n) stored nodes each, never from the log.
 */
export class LogTree {
  private constructor(
    private readonly store: TransparencyStore,
    private leafCount: number,
    /** The hashes of the perfect subtrees covering the tree's leaves, largest (leftmost) first: its compact range. */
    private frontier: Uint8Array[],
    private readonly problemOf: EventProblem,
  ) {}

  /** `problemOf` says which events the tree must not take in: those the ledger would not vouch for. */
  static async open(store: TransparencyStore, problemOf: EventProblem = () => undefined): Promise<LogTree> {
    const tree = new LogTree(store, 0, [], problemOf);
    await tree.refresh();
    return tree;
  }

  get size(): number {
    return this.leafCount;
  }

  /** The log's appends extend the stored tree themselves (see TransparencyStore). */
  get extendedByAppends(): boolean {
    return this.store.extendedByAppends;
  }

  /**
   * Takes in leaves stored by another writer: on SQLite the appends themselves extend the tree, and
   * on a shared store so does every instance's follower.
   */
  async refresh(): Promise<void> {
    const size = await this.store.treeSize();
    if (size <= this.leafCount) return;
    const frontier = await this.store.nodes(compactRangeOf(size));
    this.frontier = frontier;
    this.leafCount = size;
  }

  /**
   * Adds the next events of the log (positions size + 1, size + 2, … without gaps). At an event it
   * must not take in, it adds those before it and throws `UnreadableEventError`: the tree then
   * ends where the log stops being the ledger's, and grows again once that event is dealt with.
   */
  async extend(events: readonly StoredEvent[]): Promise<void> {
    const unreadable = firstUnreadable(events, this.problemOf);
    await this.extendWith(unreadable === undefined ? events : events.filter((event) => event.position < unreadable.position));
    if (unreadable !== undefined) throw unreadable;
  }

  private async extendWith(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const builder = TreeBuilder.resume(this.leafCount, this.frontier);
    const written: StoredNode[] = [];
    for (const event of events) {
      const next = builder.size + 1;
      if (event.position !== next)
        throw new RangeError(`the tree holds ${builder.size} leaves; the next event must be at position ${next}, not ${event.position}`);
      builder.append(leafHash(ledgerEntry(event)), (subtree) => written.push(subtree));
    }
    await this.store.extend(this.leafCount, written);
    this.frontier = builder.peaks();
    this.leafCount = builder.size;
  }

  /** Whether the stored leaf at the event's position is the hash of that event. */
  async leafMatches(event: StoredEvent): Promise<boolean> {
    const [stored] = await this.store.leaves(event.position - 1, 1);
    return stored !== undefined && Buffer.from(stored).equals(Buffer.from(leafHash(ledgerEntry(event))));
  }

  /** MTH of the first `treeSize` leaves. */
  async rootAt(treeSize: number): Promise<Uint8Array> {
    this.assertWithin(treeSize);
    if (treeSize === 0) return EMPTY_TREE_ROOT;
    const [root] = await this.hashesOf([{ start: 0, end: treeSize }]);
    return root as Uint8Array;
  }

  /** The audit path of leaf `leafIndex` in the tree of `treeSize` leaves, leaf side first. */
  async inclusionProof(leafIndex: number, treeSize: number): Promise<Uint8Array[]> {
    this.assertWithin(treeSize);
    return this.hashesOf(inclusionRanges(leafIndex, treeSize));
  }

  /** The proof that the tree of `toSize` leaves extends the one of `fromSize` (0 ≤ from ≤ to; empty from 0). */
  async consistencyProof(fromSize: number, toSize: number): Promise<Uint8Array[]> {
    this.assertWithin(toSize);
    return this.hashesOf(consistencyRanges(fromSize, toSize));
  }

  private assertWithin(treeSize: number): void {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > this.leafCount) {
      throw new RangeError(`the tree holds ${this.leafCount} leaves, not ${treeSize}`);
    }
  }

  /** Each range's hash: its perfect nodes, fetched together, folded from the right. */
  private async hashesOf(ranges: readonly LeafRange[]): Promise<Uint8Array[]> {
    const pieces = ranges.map(perfectNodesOf);
    const hashes = await this.store.nodes(pieces.flat());
    let next = 0;
    return pieces.map((rangePieces) => {
      const own = hashes.slice(next, next + rangePieces.length);
      next += rangePieces.length;
      return own.reduceRight((right, left) => nodeHash(left, right));
    });
  }
}
