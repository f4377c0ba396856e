import type { Database, Statement } from 'better-sqlite3';
import { rootOf } from '@concord/verifier';

/**
 * The transparency log's Merkle tree (RFC 9162 §2.1) in a SQLite file: the leaves and the perfect
 * subtrees of 16 leaves and more, each a row keyed by where it ends and how high it is
 * (`node = last leaf index * 64 + level`).
 *
 * Why this layout: the appends write it inside their own transaction, before the fsync, so what
 * it costs them is the rows and pages it adds to each commit.
 * - Keyed by where a node ends, the nodes a group of appends completes are contiguous, at the end
 *   of one B-tree: a commit touches one or two of its pages. Keyed by (level, index), as before,
 *   it touched a page per level.
 * - Levels 1 to 3 are not stored: they are seven of every eight interior nodes, and each is
 *   folded again from at most eight stored leaves when a proof needs it. About 1.07 rows per
 *   event instead of 2.
 * `level` and `idx` are computed columns, for people and tests reading the table.
 */
export const LOG_TREE_TABLE = `
  CREATE TABLE IF NOT EXISTS log_tree (
    node  INTEGER PRIMARY KEY,
    hash  BLOB NOT NULL,
    level INTEGER GENERATED ALWAYS AS (node % 64) VIRTUAL,
    idx   INTEGER GENERATED ALWAYS AS ((node / 64 + 1) / (1 << (node % 64)) - 1) VIRTUAL
  ) STRICT;
`;

/** Moves the nodes of the earlier layout, `log_tree_nodes (level, idx, hash)`, into `log_tree`. */
export const LOG_TREE_FROM_NODES = `
  INSERT OR IGNORE INTO log_tree (node, hash)
    SELECT ((idx + 1) * (1 << level) - 1) * 64 + level, hash FROM log_tree_nodes WHERE level = 0 OR level >= 4;
  DROP TABLE log_tree_nodes;
`;

/** Creates `log_tree` in a file that may hold the earlier layout, moving its nodes over once. */
export function ensureLogTreeTable(db: Database): void {
  db.transaction(() => {
    db.exec(LOG_TREE_TABLE);
    const earlier = db.prepare<[], number>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_tree_nodes'").pluck().get();
    if (earlier !== undefined) db.exec(LOG_TREE_FROM_NODES);
  }).immediate();
}

const LEVELS_FOLDED = 3;
const KEY_LEVELS = 64;

export interface TreeNodeRef {
  readonly level: number;
  readonly index: number;
}

export interface TreeNodeRow extends TreeNodeRef {
  readonly hash: Uint8Array;
}

/** Whether a node of this level has a row; the others are folded from the leaves under them. */
export function isStoredLevel(level: number): boolean {
  return level === 0 || level > LEVELS_FOLDED;
}

function keyOf({ level, index }: TreeNodeRef): number {
  return ((index + 1) * 2 ** level - 1) * KEY_LEVELS + level;
}

/** Reads and writes the tree's rows; every perfect node can be asked for, stored or not. */
export class SqliteTreeNodes {
  private readonly lastKey: Statement<[], number | null>;
  private readonly byKey: Statement<[number], Buffer>;
  private readonly leafRange: Statement<[number, number], Buffer>;
  private readonly insertOne: Statement<[number, Uint8Array]>;
  private readonly insertOneIfAbsent: Statement<[number, Uint8Array]>;

  constructor(db: Database) {
    this.lastKey = db.prepare<[], number | null>('SELECT MAX(node) FROM log_tree').pluck();
    this.byKey = db.prepare<[number], Buffer>('SELECT hash FROM log_tree WHERE node = ?').pluck();
    this.leafRange = db
      .prepare<[number, number], Buffer>(`SELECT hash FROM log_tree WHERE node >= ? AND node < ? AND node % ${KEY_LEVELS} = 0 ORDER BY node`)
      .pluck();
    this.insertOne = db.prepare<[number, Uint8Array]>('INSERT INTO log_tree (node, hash) VALUES (?, ?)');
    this.insertOneIfAbsent = db.prepare<[number, Uint8Array]>('INSERT OR IGNORE INTO log_tree (node, hash) VALUES (?, ?)');
  }

  /** Leaves stored: the tree covers leaves 0..size - 1 (no node ends beyond the last leaf). */
  size(): number {
    const last = this.lastKey.get();
    return last === null || last === undefined ? 0 : Math.floor(last / KEY_LEVELS) + 1;
  }

  /** Leaf hashes `[fromIndex, toIndex)`, as many as are stored. */
  leaves(fromIndex: number, toIndex: number): Buffer[] {
    return this.leafRange.all(fromIndex * KEY_LEVELS, toIndex * KEY_LEVELS);
  }

  /** The node's hash: its row, or for levels without rows the fold of its leaves; undefined when the tree lacks it. */
  hashOf(node: TreeNodeRef): Uint8Array | undefined {
    if (isStoredLevel(node.level)) {
      const stored = this.byKey.get(keyOf(node));
      return stored && new Uint8Array(stored);
    }
    const width = 2 ** node.level;
    const leaves = this.leaves(node.index * width, (node.index + 1) * width);
    return leaves.length === width ? rootOf(leaves.map((leaf) => new Uint8Array(leaf))) : undefined;
  }

  /** Stores the nodes of stored levels; `ifAbsent` leaves a row already there as it is (the caller compared them). */
  insert(nodes: readonly TreeNodeRow[], options: { readonly ifAbsent?: boolean } = {}): void {
    const statement = options.ifAbsent ? this.insertOneIfAbsent : this.insertOne;
    for (const node of nodes) if (isStoredLevel(node.level)) statement.run(keyOf(node), node.hash);
  }
}
