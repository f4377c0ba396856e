import Database from 'better-sqlite3';
import { ensureLogTreeTable, isStoredLevel, neverWaitOnTheEventLoop, openSqliteDatabase, SqliteTreeNodes, writeWhenUnlocked } from '@concord/event-store';
import { PerfectNode } from './tree-ranges';
import { PublishedKey, StoredCheckpoint, StoredNode, TransparencyStore } from './transparency-store.port';
import { checkExtension, checkpointOfRow, CheckpointRow, keyOfRow, KeyRow, missingNode } from './transparency-rows';

const BUSY_TIMEOUT_MS = 5000;

const CREATE_TABLES = `
  CREATE TABLE IF NOT EXISTS log_checkpoints (
    tree_size INTEGER PRIMARY KEY,
    root_hash BLOB NOT NULL,
    note      TEXT NOT NULL,
    key_name  TEXT NOT NULL,
    signed_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS log_signing_keys (
    verifier_key   TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    public_key_pem TEXT NOT NULL,
    valid_from     TEXT NOT NULL,
    valid_until    TEXT
  ) STRICT;
`;

const CHECKPOINT = 'SELECT tree_size, root_hash, note, key_name, signed_at FROM log_checkpoints';

/** The transparency tables in a SQLite file: the ledger's own, or one in the data directory. */
export class SqliteTransparencyStore implements TransparencyStore {
  private constructor(
    private readonly db: Database.Database,
    private readonly statements: ReturnType<typeof prepare>,
    private readonly tree: SqliteTreeNodes,
    readonly extendedByAppends: boolean,
  ) {}

  /** The tables in `filePath`; `extendedByAppends` when it is the ledger's own file, whose appends extend the tree. */
  static open(filePath: string, options: { readonly extendedByAppends?: boolean } = {}): SqliteTransparencyStore {
    // Stored as durably as the log (synchronous=FULL, the shared opening's): a checkpoint handed
    // to an auditor must not vanish with the machine. The follower writes many leaves per commit.
    const db = openSqliteDatabase(filePath, BUSY_TIMEOUT_MS, 'transparency log', (opened) => {
      ensureLogTreeTable(opened);
      opened.exec(CREATE_TABLES);
    });
    // Its writes wait for the appends' write lock (another process's too) without blocking the event loop.
    neverWaitOnTheEventLoop(db);
    return new SqliteTransparencyStore(db, prepare(db), new SqliteTreeNodes(db), options.extendedByAppends ?? false);
  }

  /** The levels between the leaves and the 16-leaf nodes are folded from the leaves when asked for: nothing of theirs is stored. */
  storesLevel(level: number): boolean {
    return isStoredLevel(level);
  }

  async treeSize(): Promise<number> {
    return this.tree.size();
  }

  async extend(fromSize: number, nodes: readonly StoredNode[]): Promise<void> {
    const extend = this.db.transaction(() => {
      // Only nodes with rows are compared: the leaves under them decide the others.
      checkExtension(
        this.tree.size(),
        fromSize,
        nodes.filter((node) => isStoredLevel(node.level)),
        (node) => this.tree.hashOf(node),
      );
      this.tree.insert(nodes, { ifAbsent: true });
    });
    // IMMEDIATE: the size read and the inserts under one write lock, waiting for the appends' own tree writes.
    await writeWhenUnlocked(() => extend.immediate(), BUSY_TIMEOUT_MS);
  }

  async nodes(wanted: readonly PerfectNode[]): Promise<Uint8Array[]> {
    return wanted.map((node) => this.tree.hashOf(node) ?? missingNode(node));
  }

  async leaves(fromIndex: number, count: number): Promise<Uint8Array[]> {
    return this.tree.leaves(fromIndex, fromIndex + count);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const row = this.statements.latest.get();
    return row && checkpointOfRow(row);
  }

  async checkpoints(fromSize: number, limit: number): Promise<StoredCheckpoint[]> {
    return this.statements.checkpoints.all(fromSize, limit).map(checkpointOfRow);
  }

  async checkpointOfSize(treeSize: number): Promise<StoredCheckpoint | undefined> {
    const row = this.statements.ofSize.get(treeSize);
    return row && checkpointOfRow(row);
  }

  async addCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean> {
    const { treeSize, rootHash, note, keyName, signedAt } = checkpoint;
    const row = [treeSize, Buffer.from(rootHash), note, keyName, signedAt] as const;
    return (await writeWhenUnlocked(() => this.statements.addCheckpoint.run(...row), BUSY_TIMEOUT_MS)).changes === 1;
  }

  async publishedKeys(): Promise<PublishedKey[]> {
    return this.statements.keys.all().map(keyOfRow);
  }

  async publishKey(key: Omit<PublishedKey, 'until'>): Promise<void> {
    const publish = this.db.transaction(() => {
      if (this.statements.key.get(key.verifierKey)) return;
      this.statements.closeKeys.run(key.from);
      this.statements.addKey.run(key.verifierKey, key.name, key.publicKeyPem, key.from);
    });
    await writeWhenUnlocked(() => publish.immediate(), BUSY_TIMEOUT_MS);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepare(db: Database.Database) {
  return {
    latest: db.prepare<[], CheckpointRow>(`${CHECKPOINT} ORDER BY tree_size DESC LIMIT 1`),
    checkpoints: db.prepare<[number, number], CheckpointRow>(`${CHECKPOINT} WHERE tree_size >= ? ORDER BY tree_size LIMIT ?`),
    ofSize: db.prepare<[number], CheckpointRow>(`${CHECKPOINT} WHERE tree_size = ?`),
    addCheckpoint: db.prepare<[number, Buffer, string, string, string]>(
      'INSERT OR IGNORE INTO log_checkpoints (tree_size, root_hash, note, key_name, signed_at) VALUES (?, ?, ?, ?, ?)',
    ),
    keys: db.prepare<[], KeyRow>('SELECT verifier_key, name, public_key_pem, valid_from, valid_until FROM log_signing_keys ORDER BY valid_from, verifier_key'),
    key: db.prepare<[string], { verifier_key: string }>('SELECT verifier_key FROM log_signing_keys WHERE verifier_key = ?'),
    closeKeys: db.prepare<[string]>('UPDATE log_signing_keys SET valid_until = ? WHERE valid_until IS NULL'),
    addKey: db.prepare<[string, string, string, string]>('INSERT INTO log_signing_keys (verifier_key, name, public_key_pem, valid_from) VALUES (?, ?, ?, ?)'),
  };
}
