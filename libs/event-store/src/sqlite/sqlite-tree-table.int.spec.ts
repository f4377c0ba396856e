import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { PerfectSubtree, rootOf, TreeBuilder } from '@concord/verifier';
import { aBatch } from '../contract/event-fixtures';
import { ensureLogTreeTable, SqliteTreeNodes } from './sqlite-tree-table';
import { useTemporaryStoreFile } from './testing/temporary-store-file';

const hex = (hash: Uint8Array | undefined): string | undefined => hash && Buffer.from(hash).toString('hex');
const leafOf = (index: number): Uint8Array => new Uint8Array(createHash('sha256').update(`leaf ${index}`).digest());

/** The leaves and every perfect subtree of a tree of `size` leaves, as a builder reports them. */
function treeOf(size: number): { leaves: Uint8Array[]; subtrees: PerfectSubtree[] } {
  const builder = new TreeBuilder();
  const leaves = Array.from({ length: size }, (_, index) => leafOf(index));
  const subtrees: PerfectSubtree[] = [];
  for (const leaf of leaves) builder.append(leaf, (subtree) => subtrees.push(subtree));
  return { leaves, subtrees };
}

const OLD_LAYOUT = `
  CREATE TABLE log_tree_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) STRICT, WITHOUT ROWID;
`;

describe('the log tree table (SQLite)', () => {
  const file = useTemporaryStoreFile('concord-tree-table-');
  const openTable = (): { db: Database.Database; nodes: SqliteTreeNodes } => {
    const db = new Database(file.path);
    ensureLogTreeTable(db);
    return { db, nodes: new SqliteTreeNodes(db) };
  };

  it('answers every perfect node of trees of 1 to 100 leaves, stored or folded from its leaves, with rows only for leaves and levels 4 and up', () => {
    const { db, nodes } = openTable();
    try {
      const { leaves, subtrees } = treeOf(100);
      let inserted = 0;
      for (let size = 1; size <= 100; size += 1) {
        const completedNow = subtrees.filter(({ level, index }) => (index + 1) * 2 ** level === size);
        nodes.insert(completedNow);
        inserted += completedNow.length;
        expect(nodes.size()).toBe(size);
        for (const { level, index } of subtrees.filter((subtree) => (subtree.index + 1) * 2 ** subtree.level <= size)) {
          expect(hex(nodes.hashOf({ level, index }))).toBe(hex(rootOf(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level))));
        }
      }
      expect(inserted).toBe(subtrees.length);
      const rows = db.prepare<[], { level: number; idx: number }>('SELECT level, idx FROM log_tree ORDER BY node').all();
      expect(rows.filter((row) => row.level === 0).map((row) => row.idx)).toEqual(leaves.map((_, index) => index));
      expect(rows.filter((row) => row.level !== 0)).toEqual([
        { level: 4, idx: 0 },
        { level: 4, idx: 1 },
        { level: 5, idx: 0 },
        { level: 4, idx: 2 },
        { level: 4, idx: 3 },
        { level: 5, idx: 1 },
        { level: 6, idx: 0 },
        { level: 4, idx: 4 },
        { level: 4, idx: 5 },
        { level: 5, idx: 2 },
      ]);
      expect(nodes.leaves(30, 35).map(hex)).toEqual(leaves.slice(30, 35).map(hex));
      expect(nodes.leaves(98, 110)).toHaveLength(2);
    } finally {
      db.close();
    }
  });

  it('has no hash for a node beyond the tree, stored or folded', () => {
    const { db, nodes } = openTable();
    try {
      nodes.insert(treeOf(10).subtrees);
      expect(nodes.hashOf({ level: 0, index: 10 })).toBeUndefined();
      expect(nodes.hashOf({ level: 2, index: 2 })).toBeUndefined();
      expect(nodes.hashOf({ level: 4, index: 0 })).toBeUndefined();
      expect(nodes.hashOf({ level: 3, index: 0 })).toBeDefined();
    } finally {
      db.close();
    }
  });

  it('moves a file of the earlier layout over once, when the transparency tables open it', () => {
    const { leaves, subtrees } = treeOf(37);
    const old = new Database(file.path);
    old.exec(OLD_LAYOUT);
    const insert = old.prepare<[number, number, Buffer]>('INSERT INTO log_tree_nodes (level, idx, hash) VALUES (?, ?, ?)');
    for (const { level, index, hash } of subtrees) insert.run(level, index, Buffer.from(hash));
    old.close();

    const { db, nodes } = openTable();
    try {
      ensureLogTreeTable(db);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'log_tree_nodes'").all()).toEqual([]);
      expect(nodes.size()).toBe(37);
      for (const { level, index } of subtrees) {
        expect(hex(nodes.hashOf({ level, index }))).toBe(hex(rootOf(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level))));
      }
    } finally {
      db.close();
    }
  });

  it('moves a ledger file of schema version 3 over in migration 4, its appends then extending the tree it had', async () => {
    const store = await file.open({ writer: 'in-process' });
    await store.append('before', aBatch(20), { expectedRevision: 'no-stream' });
    await store.close();
    // The file as version 3 left it: the same tree in the earlier table.
    const db = new Database(file.path);
    const stored = db.prepare<[], { level: number; idx: number; hash: Buffer }>('SELECT level, idx, hash FROM log_tree').all();
    db.exec(`DROP TABLE log_tree; DELETE FROM schema_migrations WHERE version = 4; ${OLD_LAYOUT}`);
    const insert = db.prepare<[number, number, Buffer]>('INSERT INTO log_tree_nodes (level, idx, hash) VALUES (?, ?, ?)');
    for (const { level, idx, hash } of stored) insert.run(level, idx, hash);
    for (let level = 1; level <= 3; level += 1) insert.run(level, 0, Buffer.alloc(32, level));
    db.close();

    const reopened = await file.open({ writer: 'in-process' });
    await reopened.append('after', aBatch(12), { expectedRevision: 'no-stream' });
    await reopened.close();
    const after = new Database(file.path, { readonly: true });
    try {
      const rows = after.prepare<[], { level: number; idx: number }>('SELECT level, idx FROM log_tree ORDER BY node').all();
      expect(rows.filter((row) => row.level === 0)).toHaveLength(32);
      expect(rows.filter((row) => row.level > 0)).toEqual([
        { level: 4, idx: 0 },
        { level: 4, idx: 1 },
        { level: 5, idx: 0 },
      ]);
      const page = await (await file.open({ writer: 'in-process' })).readLogEntries({ after: 0, limit: 100 });
      expect(page.leaves.every((leaf) => leaf !== undefined)).toBe(true);
      expect(hex(new SqliteTreeNodes(after).hashOf({ level: 5, index: 0 }))).toBe(hex(rootOf(page.leaves as Uint8Array[])));
    } finally {
      after.close();
    }
  });
});
