import type { Pool, PoolClient } from 'pg';
import { StoreUnavailableError } from '../event-store.errors';
import { ProjectionRow, ProjectionRowQuery, ProjectionStore } from '../projection-store.port';
import { assertName, compareCodePoints, deserializeRow, SerializedProjectionRow, serializeCommit, upToOf } from '../shared/projection-rows';
import { openMigratedPool } from './postgres-connection';
import { toStoreError } from './postgres-errors';
import { PostgresSettings, resolvePostgresSettings } from './postgres-options';
import { ProjectionSql, projectionSql } from './postgres-projection-sql';
import { toPosition } from './postgres-rows';
import { inTransaction } from './postgres-transaction';
import { PostgresWaits } from './postgres-waits';

export interface PostgresProjectionStoreOptions extends PostgresWaits {
  /** A `postgres://user:password@host:port/database` URL. Its password never appears in errors. */
  readonly connectionString: string;
  /** The ledger's schema, which holds the projection tables beside the events. Default `concord`. */
  readonly schema?: string;
  /** Connections in this instance's pool. Default 2: the read side commits one batch at a time. */
  readonly poolSize?: number;
  /**
   * How long a commit waits for rows locked by another process committing the same rows before
   * failing with `StoreUnavailableError`. Default 30000 ms: such a commit may carry 100k rows.
   */
  readonly lockTimeoutMs?: number;
}

type StoredRow = Omit<SerializedProjectionRow, 'position'> & { readonly position: string };

/** Rows per INSERT: bounds the size of one statement's parameters, which pg sends as one message. */
const CHUNK_ROWS = 5000;
/** And the JSON text per INSERT, for commits of few but large values. */
const CHUNK_VALUE_CHARS = 16 * 1024 * 1024;

/**
 * Projection rows in the ledger's PostgreSQL schema, beside the events (migration 2), on a small
 * pool of its own. Each commit is one transaction: its rows go in chunks of one `INSERT ... SELECT
 * FROM unnest(...)` each, then the checkpoint moves forward, so a reader sees all of it or none.
 */
export class PostgresProjectionStore implements ProjectionStore {
  private readonly sql: ProjectionSql;
  private closing: Promise<void> | undefined;

  /**
   * Creates or migrates the schema (on a connection of its own, as the event store does), then
   * returns a store on its pool. Throws `TypeError` for bad options and `StoreUnavailableError`,
   * naming host, port, database and schema, when the server cannot be reached.
   */
  static async open(options: PostgresProjectionStoreOptions): Promise<PostgresProjectionStore> {
    const settings = resolvePostgresSettings({
      connectionString: options.connectionString,
      schema: options.schema,
      poolSize: options.poolSize ?? 2,
      lockTimeoutMs: options.lockTimeoutMs ?? 30_000,
      connectTimeoutMs: options.connectTimeoutMs,
      queryTimeoutMs: options.queryTimeoutMs,
    });
    return new PostgresProjectionStore(await openMigratedPool(settings, 'projection store'), settings);
  }

  private constructor(
    private readonly pool: Pool,
    private readonly settings: PostgresSettings,
  ) {
    this.sql = projectionSql(settings.quotedSchema);
  }

  get schema(): string {
    return this.settings.schema;
  }

  async checkpoint(projection: string): Promise<number> {
    const [row] = await this.query<{ position: string }>(this.sql.checkpoint, [projection]);
    return row === undefined ? 0 : toPosition(row.position);
  }

  async rows(projection: string, collection: string, query: ProjectionRowQuery): Promise<ProjectionRow[]> {
    const upTo = upToOf(query);
    const rows =
      query.key === undefined
        ? await this.query<StoredRow>(this.sql.rowsOfAllKeys, [projection, collection, upTo])
        : await this.query<StoredRow>(this.sql.rowsOfKey, [projection, collection, upTo, query.key]);
    return rows.map((row) => deserializeRow({ ...row, position: toPosition(row.position) }));
  }

  async commit(projection: string, rows: readonly ProjectionRow[], checkpoint: number, ifCheckpointAtLeast?: number): Promise<boolean> {
    this.assertOpen();
    const serialized = inLockOrder(serializeCommit(projection, rows, checkpoint));
    let stored = true;
    await this.transaction(async (client) => {
      if (ifCheckpointAtLeast !== undefined) await client.query('SAVEPOINT before_storing');
      for (const chunk of chunksOf(serialized)) await client.query(this.sql.storeRows, [projection, ...columnsOf(chunk)]);
      if (ifCheckpointAtLeast !== undefined) {
        // Locked after the rows, as a reset locks them: what it reads is after any reset that held them.
        const { rows: found } = await client.query<{ position: string }>(this.sql.checkpointForUpdate, [projection]);
        stored = Number(found[0]?.position ?? 0) >= ifCheckpointAtLeast;
        if (!stored) {
          await client.query('ROLLBACK TO SAVEPOINT before_storing');
          return;
        }
      }
      await client.query(this.sql.advanceCheckpoint, [projection, checkpoint]);
    });
    return stored;
  }

  async reset(projection: string, ifCheckpoint?: number): Promise<boolean> {
    assertName('projection', projection);
    let forgot = false;
    await this.transaction(async (client) => {
      // Rows, then the checkpoint: the order in which a commit takes its locks, so that the two
      // never wait for each other in a circle. The checkpoint's old value decides, after any
      // commit that held it has ended.
      if (ifCheckpoint !== undefined) await client.query('SAVEPOINT before_forgetting');
      await client.query(this.sql.deleteRows, [projection]);
      const { rows } = await client.query<{ position: string }>(this.sql.deleteCheckpoint, [projection]);
      forgot = ifCheckpoint === undefined || Number(rows[0]?.position ?? 0) === ifCheckpoint;
      if (!forgot) await client.query('ROLLBACK TO SAVEPOINT before_forgetting');
    });
    return forgot;
  }

  /** Ends the pool once its queries in flight have finished. Idempotent. */
  async close(): Promise<void> {
    this.closing ??= this.pool.end().catch(() => undefined);
    await this.closing;
  }

  private async transaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    this.assertOpen();
    try {
      await inTransaction(this.pool, work);
    } catch (error) {
      throw this.storeError(error);
    }
  }

  private async query<Row extends Record<string, unknown>>(text: string, values: unknown[]): Promise<Row[]> {
    this.assertOpen();
    try {
      return (await this.pool.query<Row>(text, values)).rows;
    } catch (error) {
      throw this.storeError(error);
    }
  }

  private storeError(error: unknown): unknown {
    if (this.closing !== undefined && !(error instanceof StoreUnavailableError)) return this.closedError(error);
    return toStoreError(error, this.settings.target);
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw this.closedError();
  }

  private closedError(cause?: unknown): StoreUnavailableError {
    return new StoreUnavailableError(`PostgreSQL projection store at ${this.settings.target} is closed`, { cause });
  }
}

/**
 * One row per id, the last one given (the port's "last wins": one INSERT ... ON CONFLICT may not
 * touch a row twice), sorted by collection and id. The sort is for processes committing the same
 * rows at once: taking the row locks in one order, they wait for each other instead of deadlocking.
 */
function inLockOrder(rows: readonly SerializedProjectionRow[]): SerializedProjectionRow[] {
  const collections = new Map<string, Map<string, SerializedProjectionRow>>();
  for (const row of rows) {
    const ids = collections.get(row.collection) ?? new Map<string, SerializedProjectionRow>();
    ids.set(row.id, row);
    collections.set(row.collection, ids);
  }
  return [...collections.keys()].sort(compareCodePoints).flatMap((collection) => {
    const ids = collections.get(collection) ?? new Map<string, SerializedProjectionRow>();
    return [...ids.values()].sort((a, b) => compareCodePoints(a.id, b.id));
  });
}

function* chunksOf(rows: readonly SerializedProjectionRow[]): Generator<SerializedProjectionRow[]> {
  let chunk: SerializedProjectionRow[] = [];
  let chars = 0;
  for (const row of rows) {
    if (chunk.length > 0 && (chunk.length === CHUNK_ROWS || chars + row.value.length > CHUNK_VALUE_CHARS)) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
    chunk.push(row);
    chars += row.value.length;
  }
  if (chunk.length > 0) yield chunk;
}

/** The chunk as one array per column, in the order of `storeRows`' parameters $2.. */
function columnsOf(rows: readonly SerializedProjectionRow[]): unknown[] {
  return [
    rows.map((row) => row.collection),
    rows.map((row) => row.id),
    rows.map((row) => row.key),
    rows.map((row) => String(row.position)),
    rows.map((row) => row.value),
  ];
}
