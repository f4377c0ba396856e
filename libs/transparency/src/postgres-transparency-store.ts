import type { Pool, PoolClient } from 'pg';
import { inTransaction, openSideTablePool, PostgresWaits } from '@concord/event-store';
import { PerfectNode } from './tree-ranges';
import { nodeKey, PublishedKey, StoredCheckpoint, StoredNode, TransparencyStore } from './transparency-store.port';
import { checkExtension, checkpointOfRow, CheckpointRow, keyOfRow, KeyRow, missingNode } from './transparency-rows';

const POOL_SIZE = 2;

function createTables(schema: string): string {
  return `
    CREATE TABLE IF NOT EXISTS ${schema}.log_tree_nodes (
      level smallint NOT NULL,
      idx   bigint NOT NULL,
      hash  bytea NOT NULL,
      PRIMARY KEY (level, idx)
    );
    CREATE TABLE IF NOT EXISTS ${schema}.log_checkpoints (
      tree_size bigint PRIMARY KEY,
      root_hash bytea NOT NULL,
      note      text NOT NULL,
      key_name  text NOT NULL,
      signed_at text NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${schema}.log_signing_keys (
      verifier_key   text PRIMARY KEY,
      name           text NOT NULL,
      public_key_pem text NOT NULL,
      valid_from     text NOT NULL,
      valid_until    text
    );`;
}

/** The transparency tables in the ledger's PostgreSQL schema, shared by every instance on it. */
export class PostgresTransparencyStore implements TransparencyStore {
  readonly extendedByAppends = false;

  storesLevel(): boolean {
    return true;
  }
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async open(connectionString: string, quotedSchema: string, waits: PostgresWaits = {}): Promise<PostgresTransparencyStore> {
    const pool = await openSideTablePool({
      connectionString,
      quotedSchema,
      table: 'log_tree_nodes',
      createTable: createTables(quotedSchema),
      poolSize: POOL_SIZE,
      applicationName: 'concord-ledger transparency',
      waits,
    });
    return new PostgresTransparencyStore(pool, quotedSchema);
  }

  async treeSize(): Promise<number> {
    return sizeOf(await this.pool.query<{ size: string | null }>(`SELECT MAX(idx) + 1 AS size FROM ${this.schema}.log_tree_nodes WHERE level = 0`));
  }

  async extend(fromSize: number, nodes: readonly StoredNode[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // One extender at a time per schema, so the size read below still holds at the insert.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}.log_tree_nodes`]);
      const stored = sizeOf(await client.query<{ size: string | null }>(`SELECT MAX(idx) + 1 AS size FROM ${this.schema}.log_tree_nodes WHERE level = 0`));
      const existing = stored > fromSize ? await this.fetch(client, nodes) : new Map<string, Uint8Array>();
      checkExtension(stored, fromSize, nodes, (node) => existing.get(nodeKey(node)));
      if (nodes.length === 0) return;
      await client.query(
        `INSERT INTO ${this.schema}.log_tree_nodes (level, idx, hash)
         SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[]) ON CONFLICT DO NOTHING`,
        [nodes.map((node) => node.level), nodes.map((node) => node.index), nodes.map((node) => Buffer.from(node.hash))],
      );
    });
  }

  async nodes(wanted: readonly PerfectNode[]): Promise<Uint8Array[]> {
    const found = await this.fetch(this.pool, wanted);
    return wanted.map((node) => found.get(nodeKey(node)) ?? missingNode(node));
  }

  async leaves(fromIndex: number, count: number): Promise<Uint8Array[]> {
    const result = await this.pool.query<{ hash: Buffer }>(
      `SELECT hash FROM ${this.schema}.log_tree_nodes WHERE level = 0 AND idx >= $1 AND idx < $2 ORDER BY idx`,
      [fromIndex, fromIndex + count],
    );
    return result.rows.map((row) => new Uint8Array(row.hash));
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const result = await this.pool.query<CheckpointRow>(`${this.checkpointSelect()} ORDER BY tree_size DESC LIMIT 1`);
    return result.rows[0] && checkpointOfRow(result.rows[0]);
  }

  async checkpoints(fromSize: number, limit: number): Promise<StoredCheckpoint[]> {
    const result = await this.pool.query<CheckpointRow>(`${this.checkpointSelect()} WHERE tree_size >= $1 ORDER BY tree_size LIMIT $2`, [fromSize, limit]);
    return result.rows.map(checkpointOfRow);
  }

  async checkpointOfSize(treeSize: number): Promise<StoredCheckpoint | undefined> {
    const result = await this.pool.query<CheckpointRow>(`${this.checkpointSelect()} WHERE tree_size = $1`, [treeSize]);
    return result.rows[0] && checkpointOfRow(result.rows[0]);
  }

  async addCheckpoint({ treeSize, rootHash, note, keyName, signedAt }: StoredCheckpoint): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO ${this.schema}.log_checkpoints (tree_size, root_hash, note, key_name, signed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [treeSize, Buffer.from(rootHash), note, keyName, signedAt],
    );
    return result.rowCount === 1;
  }

  async publishedKeys(): Promise<PublishedKey[]> {
    const result = await this.pool.query<KeyRow>(
      `SELECT verifier_key, name, public_key_pem, valid_from, valid_until FROM ${this.schema}.log_signing_keys ORDER BY valid_from, verifier_key`,
    );
    return result.rows.map(keyOfRow);
  }

  async publishKey(key: Omit<PublishedKey, 'until'>): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}.log_signing_keys`]);
      const known = await client.query(`SELECT 1 FROM ${this.schema}.log_signing_keys WHERE verifier_key = $1`, [key.verifierKey]);
      if (known.rowCount !== 0) return;
      await client.query(`UPDATE ${this.schema}.log_signing_keys SET valid_until = $1 WHERE valid_until IS NULL`, [key.from]);
      await client.query(`INSERT INTO ${this.schema}.log_signing_keys (verifier_key, name, public_key_pem, valid_from) VALUES ($1, $2, $3, $4)`, [
        key.verifierKey,
        key.name,
        key.publicKeyPem,
        key.from,
      ]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private checkpointSelect(): string {
    return `SELECT tree_size, root_hash, note, key_name, signed_at FROM ${this.schema}.log_checkpoints`;
  }

  private async fetch(client: Pool | PoolClient, wanted: readonly PerfectNode[]): Promise<Map<string, Uint8Array>> {
    const result = await client.query<{ level: number; idx: string; hash: Buffer }>(
      `SELECT n.level, n.idx, n.hash FROM ${this.schema}.log_tree_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, idx) ON n.level = w.level AND n.idx = w.idx`,
      [wanted.map((node) => node.level), wanted.map((node) => node.index)],
    );
    return new Map(result.rows.map((row) => [nodeKey({ level: row.level, index: Number(row.idx) }), new Uint8Array(row.hash)]));
  }
}

function sizeOf(result: { rows: { size: string | null }[] }): number {
  return Number(result.rows[0]?.size ?? 0);
}
