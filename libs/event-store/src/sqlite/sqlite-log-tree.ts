import type { Database, Statement } from 'better-sqlite3';
import { compactRangeOf, leafHash, ledgerEntryOfCanonicalText, TreeBuilder } from '@concord/verifier';
import { SerializedEvent } from '../shared/serialized-event';

/**
 * The transparency log's Merkle tree nodes (RFC 9162 §2.1): every perfect subtree by level and
 * index, level 0 being the leaves. Created with the events (migration 3) because appends write it;
 * the transparency library creates the same table where the log lives elsewhere.
 */
export const LOG_TREE_NODES_TABLE = `
  CREATE TABLE IF NOT EXISTS log_tree_nodes (
    level INTEGER NOT NULL,
    idx   INTEGER NOT NULL,
    hash  BLOB NOT NULL,
    PRIMARY KEY (level, idx)
  ) STRICT, WITHOUT ROWID;
`;

/**
 * Extends the log's Merkle tree inside the append's own transaction: each appended event's leaf,
 * hashed from its stored canonical text (no parsing), and every perfect subtree it completes. The
 * tree then commits with the events it covers, with no second transaction, lock or fsync, and is
 * never behind the log it was written with.
 *
 * It extends the tree only when the stored tree covers exactly the log before the group. A tree
 * behind the log (a ledger recorded before the tree existed) is caught up by the transparency
 * log's follower; appends take over from the first group after it reaches the head. The stored
 * size is read in every group, under the write lock, so another process's appends are seen.
 */
const NODES_PER_INSERT = 32;

export class SqliteLogTree {
  private readonly storedSize: Statement<[], number | null>;
  private readonly node: Statement<[number, number], Buffer>;
  private readonly insert: Statement<[number, number, Uint8Array]>;
  private readonly insertMany: Statement<(number | Uint8Array)[]>;
  /** The tree as this writer last left it; trusted only while the stored size is its size. */
  private builder: TreeBuilder | undefined;
  private readonly extendInSavepoint: (events: readonly SerializedEvent[]) => void;

  constructor(db: Database) {
    this.extendInSavepoint = db.transaction((events: readonly SerializedEvent[]) => this.extendNow(events));
    this.storedSize = db.prepare<[], number | null>('SELECT MAX(idx) + 1 FROM log_tree_nodes WHERE level = 0').pluck();
    this.node = db.prepare<[number, number], Buffer>('SELECT hash FROM log_tree_nodes WHERE level = ? AND idx = ?').pluck();
    this.insert = db.prepare<[number, number, Uint8Array]>('INSERT INTO log_tree_nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.insertMany = db.prepare<(number | Uint8Array)[]>(
      `INSERT INTO log_tree_nodes (level, idx, hash) VALUES ${Array(NODES_PER_INSERT).fill('(?, ?, ?)').join(', ')}`,
    );
  }

  /**
   * Adds the group's events, in position order, when the tree ends just before the first. Inside
   * the write transaction, in a savepoint of its own: a tree that cannot be extended (a node
   * missing) stops no append; it falls behind, and the transparency log's follower catches it up
   * or reports why it cannot.
   */
  extend(events: readonly SerializedEvent[]): void {
    try {
      this.extendInSavepoint(events);
    } catch {
      this.builder = undefined;
    }
  }

  private extendNow(events: readonly SerializedEvent[]): void {
    const first = events[0];
    if (first === undefined) return;
    const size = this.storedSize.get() ?? 0;
    if (size !== first.position - 1) return;
    const builder = this.builder?.size === size ? this.builder : this.resume(size);
    const values: (number | Uint8Array)[] = [];
    for (const event of events) builder.append(leafHash(ledgerEntryOfCanonicalText(event)), ({ level, index, hash }) => values.push(level, index, hash));
    this.insertAll(values);
    this.builder = builder;
  }

  /** Rows of (level, idx, hash), many to a statement: fewer calls into SQLite than one a row. */
  private insertAll(values: readonly (number | Uint8Array)[]): void {
    const width = NODES_PER_INSERT * 3;
    let start = 0;
    for (; start + width <= values.length; start += width) this.insertMany.run(...values.slice(start, start + width));
    for (; start < values.length; start += 3) this.insert.run(values[start] as number, values[start + 1] as number, values[start + 2] as Uint8Array);
  }

  /** The transaction that extended the tree did not commit: what this writer holds may not be what is stored. */
  forget(): void {
    this.builder = undefined;
  }

  private resume(size: number): TreeBuilder {
    const peaks = compactRangeOf(size).map(({ level, index }) => {
      const hash = this.node.get(level, index);
      if (hash === undefined) throw new Error(`the log's tree holds ${size} leaves but not its node (${level}, ${index})`);
      return new Uint8Array(hash);
    });
    return TreeBuilder.resume(size, peaks);
  }
}
