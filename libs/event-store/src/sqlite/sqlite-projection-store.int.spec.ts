import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aBatch } from '../contract/event-fixtures';
import { aRow, describeProjectionStoreContract } from '../contract/projection-store.contract';
import { StoreUnavailableError } from '../event-store.errors';
import { openProjectionStore } from '../open-projection-store';
import { ProjectionStore } from '../projection-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteProjectionStore, SqliteProjectionStoreOptions } from './sqlite-projection-store';
import { SQLITE_SCHEMA_VERSION } from './sqlite-schema';
import { finishedWhileLocked } from './testing/event-loop-while-locked';
import { holdWriteLock } from './testing/hold-write-lock';
import { typescriptWriterThread } from './testing/typescript-writer-thread';

const EVERYTHING = { upTo: Number.MAX_SAFE_INTEGER };

let dir: string;
let filePath: string;

function useTempFile(): void {
  dir = mkdtempSync(join(tmpdir(), 'concord-projections-'));
  filePath = join(dir, 'ledger.db');
}

function removeTempFile(): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs `work` on a connection of the test's own, outside any store, and closes it. */
function withRawConnection<T>(work: (db: Database.Database) => T): T {
  const db = new Database(filePath);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describeProjectionStoreContract('SqliteProjectionStore on a temp file', {
  durable: true,
  setUp: async () => useTempFile(),
  open: () => SqliteProjectionStore.open(filePath),
  tearDown: async () => removeTempFile(),
});

describe('SqliteProjectionStore on the ledger file', () => {
  let opened: { close(): Promise<void> }[];

  const open = async (options?: SqliteProjectionStoreOptions): Promise<SqliteProjectionStore> => {
    const store = await SqliteProjectionStore.open(filePath, options);
    opened.push(store);
    return store;
  };
  const openEvents = async (): Promise<SqliteEventStore> => {
    const store = await SqliteEventStore.open(filePath, { writerThread: typescriptWriterThread() });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    useTempFile();
    opened = [];
  });

  afterEach(async () => {
    for (const store of opened) await store.close();
    removeTempFile();
  });

  it('waits for another connection holding the write lock, then commits', async () => {
    const store = await open();
    const held = await holdWriteLock(filePath, 200);

    held.holdFromNow();
    await store.commit('ledger', [aRow({ id: 'p1', position: 3 })], 3);

    const committedAt = Date.now();
    expect(committedAt).toBeGreaterThanOrEqual(await held.released);
    expect(await store.checkpoint('ledger')).toBe(3);
  });

  it('waits for the lock with the event loop free: a timer fires meanwhile', async () => {
    const store = await open({ busyTimeoutMs: 5000 });

    const finished = await finishedWhileLocked(filePath, () => store.commit('ledger', [aRow({ id: 'p1', position: 3 })], 3));

    expect(finished).toEqual(['timer', 'write']);
    expect(await store.checkpoint('ledger')).toBe(3);
  });

  it('fails a commit with StoreUnavailableError when the lock is held longer than its busy timeout, storing nothing', async () => {
    const store = await open({ busyTimeoutMs: 50 });
    const held = await holdWriteLock(filePath, 500);

    held.holdFromNow();
    const commit = store.commit('ledger', [aRow({ id: 'p1', position: 3 })], 3);

    await expect(commit).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(commit).rejects.toThrow(filePath);
    await held.released;
    expect(await store.checkpoint('ledger')).toBe(0);
    expect(await store.rows('ledger', 'proposals', EVERYTHING)).toEqual([]);
  });

  it('rolls back the whole commit when the database refuses a row midway', async () => {
    const store = await open();
    await store.commit('ledger', [aRow({ id: 'before', position: 1 })], 1);
    withRawConnection((db) =>
      db.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON projection_rows WHEN NEW.id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`),
    );

    // Matched by message: the native addon throws the SqliteError class of the first test file that
    // loaded it, which toThrow does not take for an error in this file's realm.
    await expect(
      store.commit('ledger', [aRow({ id: 'p1', position: 2 }), aRow({ id: 'p2', position: 3 }), aRow({ id: 'poison', position: 4 })], 4),
    ).rejects.toMatchObject({ message: expect.stringContaining('poisoned row') });

    expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.id)).toEqual(['before']);
    expect(await store.checkpoint('ledger')).toBe(1);
  });

  it('shares the file with the event store, which appends and reads as before', async () => {
    const projections = await open();
    await projections.commit('ledger', [aRow({ id: 'p1', position: 1 })], 1);
    const events = await openEvents();

    const appended = await events.append('s', aBatch(2), { expectedRevision: 'no-stream' });
    await projections.commit('ledger', [aRow({ id: 'p2', position: 2 })], appended.lastPosition);

    expect(appended).toMatchObject({ firstPosition: 1, lastPosition: 2 });
    expect((await events.readAll()).map((event) => event.position)).toEqual([1, 2]);
    expect(await events.headPosition()).toBe(2);
    expect(await projections.checkpoint('ledger')).toBe(2);
  });

  it('commits while the event store appends on its writer thread', async () => {
    const projections = await open();
    const events = await openEvents();

    await Promise.all([
      ...Array.from({ length: 20 }, (_, index) => events.append(`s-${index}`, aBatch(1), { expectedRevision: 'no-stream' })),
      ...Array.from({ length: 20 }, (_, index) => projections.commit('ledger', [aRow({ id: `p${index}`, position: index + 1 })], index + 1)),
    ]);

    expect(await events.headPosition()).toBe(20);
    expect(await projections.rows('ledger', 'proposals', EVERYTHING)).toHaveLength(20);
    expect(await projections.checkpoint('ledger')).toBe(20);
  });

  it('brings a ledger file of schema version 1 up to date, keeping its events', async () => {
    const before = await openEvents();
    await before.append('s', aBatch(3), { expectedRevision: 'no-stream' });
    const events = await before.readAll();
    await before.close();
    // What a file written before migration 2 looks like.
    withRawConnection((db) => db.exec('DROP TABLE projection_rows; DROP TABLE projection_checkpoints; DELETE FROM schema_migrations WHERE version = 2;'));

    const projections = await open();
    await projections.commit('ledger', [aRow({ id: 'p1', position: 3 })], 3);
    const after = await openEvents();

    expect(await after.readAll()).toStrictEqual(events);
    expect(await after.append('s', aBatch(1), { expectedRevision: 2 })).toMatchObject({ firstPosition: 4 });
    expect(await projections.checkpoint('ledger')).toBe(3);
    expect(withRawConnection((db) => db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all())).toEqual([
      { version: 1, name: 'create events' },
      { version: 2, name: 'create projection rows' },
      { version: 3, name: 'create the log tree nodes' },
      { version: 4, name: 'store the log tree by where each node ends' },
    ]);
  });

  it('creates the projection tables in migration 2, STRICT, with an index by key', async () => {
    await open();

    expect(SQLITE_SCHEMA_VERSION).toBe(4);
    const tables = withRawConnection((db) =>
      db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name LIKE 'projection_%' ORDER BY name").all(),
    );
    expect(tables).toEqual([
      { name: 'projection_checkpoints', strict: 1 },
      { name: 'projection_rows', strict: 1 },
    ]);
    const indexed = withRawConnection((db) => db.prepare("SELECT name FROM pragma_index_info('projection_rows_by_key') ORDER BY seqno").pluck().all());
    expect(indexed).toEqual(['projection', 'collection', 'key', 'position']);
  });

  it('is what openProjectionStore opens for a SQLite ledger file, creating its directory', async () => {
    filePath = join(dir, 'nested', 'ledger.db');
    const store: ProjectionStore = await openProjectionStore({ kind: 'sqlite', file: filePath }, tmpdir());
    opened.push(store);
    await store.commit('ledger', [aRow({ id: 'p1' })], 1);

    expect(store).toBeInstanceOf(SqliteProjectionStore);
    expect(withRawConnection((db) => db.prepare('SELECT position FROM projection_checkpoints WHERE projection = ?').pluck().get('ledger'))).toBe(1);
  });

  it('fails to open with StoreUnavailableError naming the path', async () => {
    const missing = join(dir, 'no-such-directory', 'ledger.db');

    const opening = SqliteProjectionStore.open(missing);

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toThrow(missing);
  });
});
