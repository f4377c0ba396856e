import { PerfectNode } from './tree-ranges';

/** A perfect node of the log's Merkle tree with its hash (level 0: a leaf hash). */
export interface StoredNode extends PerfectNode {
  readonly hash: Uint8Array;
}

/** A signed checkpoint as stored: the note is kept byte for byte, as it was signed. */
export interface StoredCheckpoint {
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** The whole signed note: checkpoint text, blank line, signature lines. */
  readonly note: string;
  readonly keyName: string;
  readonly signedAt: string;
}

/** A key that signed checkpoints, published so that its checkpoints stay verifiable after rotation. */
export interface PublishedKey {
  readonly name: string;
  /** Go's `note` verifier format: `<name>+<hex key hash>+<base64(0x01 || public key)>`. */
  readonly verifierKey: string;
  readonly publicKeyPem: string;
  readonly from: string;
  /** When the next key took over; null while it signs. */
  readonly until: string | null;
}

/**
 * Tables beside the ledger (not ledger events) holding the log's Merkle tree, its checkpoints and
 * the keys that signed them. Several instances may write the same nodes: a node already stored must
 * be the same hash, or the write fails with `TreeDivergedError`.
 */
export interface TransparencyStore {
  /**
   * True when the log's own appends extend this tree, in their transaction (the tables of a
   * SQLite ledger file): a follower then reads no event, and only catches up what they skipped.
   */
  readonly extendedByAppends: boolean;
  /**
   * Whether nodes of this level are stored (and so can be damaged) rather than folded from the
   * leaves beneath them when asked for: what `concord verify` checks node by node.
   */
  storesLevel(level: number): boolean;
  /** Leaves stored: the tree covers positions 1..size. */
  treeSize(): Promise<number>;
  /**
   * Stores the leaves `[fromSize, fromSize + leaves)` and the perfect nodes they complete, in one
   * transaction. A store already holding some of them checks they are equal; one holding fewer
   * than `fromSize` leaves refuses (the tree must grow without gaps).
   */
  extend(fromSize: number, nodes: readonly StoredNode[]): Promise<void>;
  /** The hashes of these perfect nodes; one missing is an error (the caller asked beyond the tree). */
  nodes(wanted: readonly PerfectNode[]): Promise<Uint8Array[]>;
  /** Leaf hashes of positions `[from, from + count)` (0-based leaf indexes). */
  leaves(fromIndex: number, count: number): Promise<Uint8Array[]>;
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** Checkpoints of at least `fromSize` leaves, smallest first. */
  checkpoints(fromSize: number, limit: number): Promise<StoredCheckpoint[]>;
  /** The checkpoint of exactly this size, if one was signed. */
  checkpointOfSize(treeSize: number): Promise<StoredCheckpoint | undefined>;
  /** False when a checkpoint of that size was already stored (by another instance): the stored one stands. */
  addCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean>;
  publishedKeys(): Promise<PublishedKey[]>;
  /** Publishes a key from `from` on and closes the one signing until then; nothing if it is published already. */
  publishKey(key: Omit<PublishedKey, 'until'>): Promise<void>;
  close(): Promise<void>;
}

/** The stored tree disagrees with what the log's events hash to, or with another instance's nodes. */
export class TreeDivergedError extends Error {
  override readonly name = 'TreeDivergedError';
  constructor(
    readonly leafIndex: number,
    message: string,
  ) {
    super(message);
  }
}

export function nodeKey({ level, index }: PerfectNode): string {
  return `${level}:${index}`;
}
