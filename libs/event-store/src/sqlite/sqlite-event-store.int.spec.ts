import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aBatch } from '../contract/event-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { ConcurrencyError, StoreUnavailableError } from '../event-store.errors';
import { AppendResult, EventStore, EventToAppend } from '../event-store.port';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
import { SHARED_STREAM } from './testing/concurrent-writer';
import { spawnWriter } from './testing/spawn-writer';
import { useTemporaryStoreFile } from './testing/temporary-store-file';
import { typescriptWriterThread } from './testing/typescript-writer-thread';

function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'concord-sqlite-'));
}

function positionsFrom(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

const contractDirs = new Map<EventStore, string>();

/** The contract against a store on a fresh temporary file, removed after each test. */
function describeContractOnTempFile(name: string, options: SqliteEventStoreOptions): void {
  describeEventStoreContract(
    name,
    async () => {
      const dir = makeTempDir();
      const store = await SqliteEventStore.open(join(dir, 'events.db'), { pollIntervalMs: 20, ...options });
      contractDirs.set(store, dir);
      return store;
    },
    async (store) => {
      await store.close();
      const dir = contractDirs.get(store);
      contractDirs.delete(store);
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  );
}

describeContractOnTempFile('SqliteEventStore on a temp file', { writer: 'in-process' });
describeContractOnTempFile('SqliteEventStore on a temp file, writing on its writer thread', { writerThread: typescriptWriterThread() });

describeEventStoreContract('SqliteEventStore in :memory:', () => SqliteEventStore.open(':memory:', { pollIntervalMs: 20 }));

describe('SqliteEventStore on a file', () => {
  const file = useTemporaryStoreFile('concord-sqlite-');
  const open = (options?: SqliteEventStoreOptions): Promise<SqliteEventStore> => file.open(options);
  it('runs in WAL mode with synchronous=FULL and the configured busy timeout', async () => {
    const store = await open({ busyTimeoutMs: 1234 });

    expect(store.connectionSettings()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeoutMs: 1234 });
  });

  it('keeps its events, commands and numbering across closing and reopening the file', async () => {
    const first = await open();
    const appended = await first.append('s', aBatch(2, { commandId: 'command-1' }), { expectedRevision: 'no-stream' });
    await first.append('t', aBatch(1), { expectedRevision: 'no-stream' });
    const before = await first.readAll();
    await first.close();

    const reopened = await open();

    expect(await reopened.readAll()).toStrictEqual(before);
    expect(await reopened.headPosition()).toBe(3);
    expect(await reopened.findCommand('command-1')).toEqual(appended);
    expect(await reopened.append('s', aBatch(1), { expectedRevision: 1 })).toMatchObject({ streamRevision: 2, firstPosition: 4 });
  });

  it('names the event after a revision removed from the store by hand instead of reading the stream without it', async () => {
    const store = await open({ writer: 'in-process' });
    await store.append('t', aBatch(1), { expectedRevision: 'no-stream' });
    await store.append('s', aBatch(3), { expectedRevision: 'no-stream' });
    const removeRevision = (revision: number): void => {
      const raw = new Database(file.path);
      raw.prepare("DELETE FROM events WHERE stream = 's' AND stream_revision = ?").run(revision);
      raw.close();
    };

    removeRevision(1);
    await expect(store.readStream('s')).rejects.toMatchObject({ name: 'UnreadableEventError', position: 4 });
    expect((await store.readStream('s', { limit: 1 })).map((event) => event.streamRevision)).toEqual([0]);
    expect((await store.readStream('s', { fromRevision: 2 })).map((event) => event.position)).toEqual([4]);

    removeRevision(0);
    await expect(store.readStream('s')).rejects.toThrow(/position 4 .*revision 2 of s, whose revision 0 is missing/);
    expect(await store.readStream('t')).toHaveLength(1);
  });

  it('records its schema version once, however often the file is opened', async () => {
    await (await open()).close();
    await (await open()).close();

    const raw = new Database(file.path, { readonly: true });
    try {
      expect(raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
        { version: 1, name: 'create events' },
        { version: 2, name: 'create projection rows' },
        { version: 3, name: 'create the log tree nodes' },
        { version: 4, name: 'store the log tree by where each node ends' },
      ]);
    } finally {
      raw.close();
    }
  });

  it('refuses a file a newer version of the ledger migrated, as PostgreSQL refuses such a schema, leaving it as it was', async () => {
    await (await open()).close();
    const raw = new Database(file.path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (5, 'from a newer version', '2030-01-01T00:00:00.000Z')").run();
    raw.close();

    await expect(open()).rejects.toThrow(
      `${file.path} is at migration 5, newer than this build knows (4); refusing to use it: run the version of the ledger that migrated it`,
    );
    const after = new Database(file.path, { readonly: true });
    try {
      expect(after.prepare('SELECT max(version) AS newest FROM schema_migrations').get()).toEqual({ newest: 5 });
    } finally {
      after.close();
    }
  });

  it('lets one of two instances on one file win a race for the same stream revision', async () => {
    const one = await open();
    const two = await open();
    await one.append('s', aBatch(1), { expectedRevision: 'no-stream' });

    const outcomes = await Promise.allSettled([one.append('s', aBatch(1), { expectedRevision: 0 }), two.append('s', aBatch(1), { expectedRevision: 0 })]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConcurrencyError);
    expect(rejected?.reason).toMatchObject({ actualRevision: 1 });
    expect(await two.readStream('s')).toHaveLength(2);
  });

  it('judges appends made together (one group commit) each on its own, as if made one after another', async () => {
    const store = await open();
    const first = aBatch(2, { commandId: 'command-1' });
    const retry = aBatch(2, { commandId: 'command-1' });
    const reusedId = { ...aBatch(1)[0], eventId: first[0]?.eventId ?? '' } as EventToAppend;

    const outcomes = await Promise.allSettled([
      store.append('s', first, { expectedRevision: 'no-stream' }),
      store.append('s', aBatch(1), { expectedRevision: 'no-stream' }),
      store.append('s', retry, { expectedRevision: 'no-stream' }),
      store.append('u', [reusedId], { expectedRevision: 'no-stream' }),
      store.append('t', aBatch(1), { expectedRevision: 'no-stream' }),
    ]);

    expect(
      outcomes.map((outcome) =>
        outcome.status === 'fulfilled'
          ? `${outcome.value.stream}@${outcome.value.lastPosition}${outcome.value.duplicate ? ' duplicate' : ''}`
          : (outcome.reason as Error).name,
      ),
    ).toEqual(['s@2', 'ConcurrencyError', 's@2 duplicate', 'DuplicateEventIdError', 't@3']);
    const raw = new Database(file.path, { readonly: true });
    try {
      expect(raw.prepare('SELECT position, stream FROM events ORDER BY position').all()).toEqual([
        { position: 1, stream: 's' },
        { position: 2, stream: 's' },
        { position: 3, stream: 't' },
      ]);
    } finally {
      raw.close();
    }
  });

  it('keeps positions gapless when two instances on one file append to different streams', async () => {
    const one = await open();
    const two = await open();

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? one : two).append(`s-${index}`, aBatch(2), { expectedRevision: 'no-stream' })),
    );

    const claimed = results.flatMap((result: AppendResult) => positionsFrom(result.firstPosition, result.lastPosition)).sort((a, b) => a - b);
    expect(claimed).toEqual(positionsFrom(1, 20));
    expect((await one.readAll()).map((event) => event.position)).toEqual(positionsFrom(1, 20));
  });

  it("delivers another instance's appends to a live subscription within the poll interval", async () => {
    const reader = await open({ pollIntervalMs: 20 });
    const writer = await open();
    const controller = new AbortController();
    const received: number[] = [];
    const consumed = (async () => {
      for await (const event of reader.subscribe({ signal: controller.signal })) {
        received.push(event.position);
        if (received.length === 3) controller.abort();
      }
    })();

    await writer.append('s', aBatch(3), { expectedRevision: 'no-stream' });
    await consumed;

    expect(received).toEqual([1, 2, 3]);
  });

  it('takes turns with writers in other OS processes, keeping positions and revisions gapless', async () => {
    const writerIds = ['a', 'b'];
    const appendsEach = 20;
    await (await open()).close();
    const writers = writerIds.map((id) => spawnWriter(file.path, id, appendsEach));
    await Promise.all(writers.map((writer) => writer.ready));

    for (const writer of writers) writer.go();
    await Promise.all(writers.map((writer) => writer.finished));

    const store = await open();
    const sharedAppends = writerIds.length * appendsEach;
    expect((await store.readAll()).map((event) => event.position)).toEqual(positionsFrom(1, 2 * sharedAppends));
    expect((await store.readStream(SHARED_STREAM)).map((event) => event.streamRevision)).toEqual(positionsFrom(0, sharedAppends - 1));
    for (const id of writerIds) expect(await store.readStream(`writer-${id}`)).toHaveLength(appendsEach);
  }, 20_000);

  it('fails with StoreUnavailableError, writing nothing, when another process holds the write lock too long', async () => {
    const store = await open({ busyTimeoutMs: 50 });
    const otherProcess = new Database(file.path);
    try {
      otherProcess.exec('BEGIN IMMEDIATE');

      const failure = await store.append('s', aBatch(1), { expectedRevision: 'any' }).catch((error: unknown) => error);
      // Named with its SQLite code, so that a failure here says which error slipped through.
      const { name, code, message } = failure as { name?: string; code?: string; message?: string };
      expect({ name, code, message }).toEqual({ name: 'StoreUnavailableError', code: undefined, message: expect.stringContaining('unavailable') });
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      otherProcess.exec('ROLLBACK');
    } finally {
      otherProcess.close();
    }
    expect(await store.append('s', aBatch(1), { expectedRevision: 'no-stream' })).toMatchObject({ firstPosition: 1 });
  });

  it.each([
    ['in-process', { writer: 'in-process' }],
    ['on its writer thread', { writerThread: typescriptWriterThread() }],
  ] as const)(
    'refuses appends (%s) once its file was removed or replaced while open, rather than acknowledge what is gone at the next start',
    async (_where, options) => {
      const store = await open(options);
      await store.append('s', aBatch(1), { expectedRevision: 'no-stream' });
      renameSync(file.path, `${file.path}.moved`);

      const removed = store.append('s', aBatch(1), { expectedRevision: 0 });
      await expect(removed).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(removed).rejects.toThrow(`${file.path} was removed while the ledger had it open`);
      // Health checks ask the head: they say so too, instead of reporting the store up.
      await expect(store.headPosition()).rejects.toThrow(`${file.path} was removed while the ledger had it open`);

      copyFileSync(`${file.path}.moved`, file.path);
      await expect(store.append('s', aBatch(1), { expectedRevision: 0 })).rejects.toThrow('was replaced by another file');
      renameSync(`${file.path}.moved`, file.path);
      await expect(store.append('s', aBatch(1), { expectedRevision: 0 })).resolves.toMatchObject({ firstPosition: 2 });
      expect(await store.headPosition()).toBe(2);
    },
  );

  it('fails with StoreUnavailableError naming the path when the directory does not exist', async () => {
    const missing = join(file.dir, 'no-such-directory', 'events.db');

    const opening = SqliteEventStore.open(missing);

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toThrow(missing);
  });

  it('fails with StoreUnavailableError naming the path when the file is not a database', async () => {
    writeFileSync(file.path, 'this is not a SQLite database, just some text that is long enough to have a header');

    const opening = SqliteEventStore.open(file.path);

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toThrow(file.path);
  });
});
