import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { leafHash, ledgerEntry, TreeBuilder } from '@concord/verifier';
import { aBatch, anEvent } from '../contract/event-fixtures';
import { ConcurrencyError } from '../event-store.errors';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
import { SqliteTreeNodes } from './sqlite-tree-table';
import { useTemporaryStoreFile } from './testing/temporary-store-file';
import { typescriptWriterThread } from './testing/typescript-writer-thread';

type NodeRow = { level: number; idx: number; hash: Buffer };

/** Every node the tree of the file's whole log must hold a row for, computed from the parsed events as a verifier would. */
async function expectedNodes(store: SqliteEventStore): Promise<string[]> {
  const builder = new TreeBuilder();
  const nodes: string[] = [];
  for (const event of await store.readAll()) {
    builder.append(leafHash(ledgerEntry(event)), ({ level, index, hash }) => {
      if (level === 0 || level >= 4) nodes.push(`${level}:${index}:${Buffer.from(hash).toString('hex')}`);
    });
  }
  return nodes.sort();
}

describe('SqliteEventStore extends the transparency log tree in the append transaction', () => {
  const file = useTemporaryStoreFile('concord-log-tree-');
  const open = (options?: SqliteEventStoreOptions): Promise<SqliteEventStore> => file.open(options);
  const storedNodes = (): string[] => {
    const db = new Database(file.path, { readonly: true });
    try {
      const rows = db.prepare<[], NodeRow>('SELECT level, idx, hash FROM log_tree').all();
      return rows.map(({ level, idx, hash }) => `${level}:${idx}:${hash.toString('hex')}`).sort();
    } finally {
      db.close();
    }
  };

  /** The writer stores a group's nodes with the next group, or on their own a few milliseconds after the last. */
  const expectTreeOf = async (store: SqliteEventStore): Promise<void> => {
    const expected = await expectedNodes(store);
    for (let waited = 0; waited < 3000 && storedNodes().join() !== expected.join(); waited += 20) await sleep(20);
    expect(storedNodes()).toEqual(expected);
  };

  it.each([
    ['in process', { writer: 'in-process' } as const],
    ['on the writer thread', { writerThread: typescriptWriterThread() }],
  ])('stores every leaf and perfect subtree a verifier computes from the events (%s), refused appends leaving none', async (_how, options) => {
    const store = await open(options);
    await store.append('meeting-1', aBatch(3), { expectedRevision: 'no-stream' });
    // Appended together: one group commit, in which one append is refused.
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, index) => store.append(`proposal-${index}`, aBatch(1 + (index % 3)), { expectedRevision: 'no-stream' })),
      store.append('meeting-1', aBatch(1), { expectedRevision: 0 }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason)).toEqual([
      expect.any(ConcurrencyError),
    ]);

    expect(await store.headPosition()).toBe(3 + 7 * 1 + 7 * 2 + 6 * 3);
    await expectTreeOf(store);
  });

  it('reads the log as entries built by SQLite, each the entry a verifier hashes, beside its stored leaf', async () => {
    const store = await open({ writer: 'in-process' });
    await store.append('meeting-"quoted"', aBatch(3), { expectedRevision: 'no-stream' });
    await store.append('proposal-ü', [anEvent({ data: { text: 'line\nbreak\ttab "q" \u2028 é', n: [1.5, -0, 1e21], nested: { z: null, a: true } } })], {
      expectedRevision: 'no-stream',
    });

    await expectTreeOf(store);
    const page = await store.readLogEntries({ after: 1, limit: 10 });

    const events = (await store.readAll()).slice(1);
    expect(page.positions).toEqual([2, 3, 4]);
    expect(page.entries).toEqual(events.map((event) => ledgerEntry(event)));
    expect(page.leaves.map((leaf) => Buffer.from(leaf as Uint8Array).toString('hex'))).toEqual(
      events.map((event) => Buffer.from(leafHash(ledgerEntry(event))).toString('hex')),
    );
    expect(page.readable).toEqual([true, true, true]);
    const db = new Database(file.path);
    db.prepare('UPDATE events SET data = \'{"index":\' WHERE position = 3').run();
    db.close();
    expect((await store.readLogEntries({ after: 1, limit: 10 })).readable).toEqual([true, false, true]);
    const withoutTree = await open({ writer: 'in-process', extendLogTree: false });
    await withoutTree.append('later', aBatch(1), { expectedRevision: 'no-stream' });
    expect((await store.readLogEntries({ after: 4 })).leaves).toEqual([undefined]);
  });

  it('refuses the whole group when SQLite itself undoes its transaction mid-group (as on a full disk), leaving log and tree as they were', async () => {
    const store = await open({ writer: 'in-process' });
    await store.append('before', aBatch(2), { expectedRevision: 'no-stream' });
    const db = new Database(file.path);
    // RAISE(ROLLBACK) undoes the whole transaction, not just the statement, as SQLITE_FULL can.
    db.exec("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.stream = 'poison' BEGIN SELECT RAISE(ROLLBACK, 'poisoned'); END;");
    db.close();

    const outcomes = await Promise.allSettled([
      store.append('first', aBatch(2), { expectedRevision: 'no-stream' }),
      store.append('poison', aBatch(1), { expectedRevision: 'no-stream' }),
      store.append('last', aBatch(3), { expectedRevision: 'no-stream' }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await store.headPosition()).toBe(2);
    await expectTreeOf(store);
    await store.append('after', aBatch(1), { expectedRevision: 'no-stream' });
    await expectTreeOf(store);
  });

  it('keeps one tree when two instances on one file take turns appending', async () => {
    const one = await open({ writer: 'in-process' });
    const two = await open({ writer: 'in-process' });
    for (let round = 0; round < 7; round += 1) {
      await one.append(`a-${round}`, aBatch(1 + (round % 2)), { expectedRevision: 'no-stream' });
      await two.append(`b-${round}`, aBatch(2), { expectedRevision: 'no-stream' });
      await Promise.all([
        one.append(`c-${round}`, aBatch(1), { expectedRevision: 'no-stream' }),
        two.append(`d-${round}`, aBatch(3), { expectedRevision: 'no-stream' }),
      ]);
    }

    await expectTreeOf(one);
  });

  it('fills a tree a few events behind itself, hashing text an earlier version stored the way a verifier does', async () => {
    const withoutTree = await open({ writer: 'in-process', extendLogTree: false });
    await withoutTree.append('old', aBatch(5), { expectedRevision: 'no-stream' });
    const db = new Database(file.path);
    // Text as stored before data was kept canonical: the same value, other bytes.
    db.prepare(`UPDATE events SET data = ' { "index" : 2 } ' WHERE position = 3`).run();
    db.close();
    expect(storedNodes()).toEqual([]);

    const store = await open({ writer: 'in-process' });
    await store.append('new', aBatch(2), { expectedRevision: 'no-stream' });
    await expectTreeOf(store);
    expect(storedNodes().filter((node) => node.startsWith('0:'))).toHaveLength(7);
  });

  it('leaves a tree far behind the log to the follower, and extends it again from the first append after it is caught up', async () => {
    const withoutTree = await open({ writer: 'in-process', extendLogTree: false });
    for (let index = 0; index < 9; index += 1) await withoutTree.append('old', aBatch(500), { expectedRevision: 'any' });

    const store = await open({ writer: 'in-process' });
    await store.append('new', aBatch(2), { expectedRevision: 'no-stream' });
    await sleep(200);
    expect(storedNodes()).toEqual([]);

    // What the transparency log's follower does for a ledger recorded before its tree existed.
    const caughtUp = await expectedNodes(store);
    const db = new Database(file.path);
    new SqliteTreeNodes(db).insert(
      caughtUp.map((node) => {
        const [level, index, hash] = node.split(':') as [string, string, string];
        return { level: Number(level), index: Number(index), hash: Buffer.from(hash, 'hex') };
      }),
    );
    db.close();

    await store.append('new', aBatch(4), { expectedRevision: 1 });
    await expectTreeOf(store);
    expect(storedNodes().filter((node) => node.startsWith('0:'))).toHaveLength(4506);
  });

  it('does not extend a tree that describes another log (this one rolled back under it) with the events appended after', async () => {
    const store = await open({ writer: 'in-process' });
    await store.append('old', aBatch(8), { expectedRevision: 'no-stream' });
    await expectTreeOf(store);
    const treeOfTheOldLog = storedNodes();
    const db = new Database(file.path);
    db.prepare('DELETE FROM events WHERE position > 5').run();
    db.close();

    const after = await open({ writer: 'in-process' });
    await after.append('new', aBatch(3), { expectedRevision: 'no-stream' });
    await after.append('new', aBatch(2), { expectedRevision: 2 });
    await sleep(200);
    // Leaves 6 to 8 are the old log's: the new events 6 to 10 were not put after them.
    expect(storedNodes()).toEqual(treeOfTheOldLog);
  });

  it('is never more than one group behind the log just after an append, and catches up when appends stop', async () => {
    const store = await open({ writerThread: typescriptWriterThread() });
    const db = new Database(file.path, { readonly: true });
    const treeSize = (): number => db.prepare<[], number | null>('SELECT MAX(node) / 64 + 1 FROM log_tree').pluck().get() ?? 0;
    try {
      const sizesSeenAfterAppends: number[] = [];
      for (let index = 0; index < 20; index += 1) {
        await store.append(`s-${index}`, aBatch(3), { expectedRevision: 'no-stream' });
        sizesSeenAfterAppends.push(treeSize());
      }
      // Never more than one group behind the log just after an append: the pending nodes went in with it.
      sizesSeenAfterAppends.forEach((size, index) => expect(size).toBeGreaterThanOrEqual(3 * index));
      await expectTreeOf(store);
      expect(treeSize()).toBe(60);
    } finally {
      db.close();
    }
  });
});
