import Database from 'better-sqlite3';
import { leafHash, ledgerEntry, TreeBuilder } from '@concord/verifier';
import { aBatch, anEvent } from '../contract/event-fixtures';
import { ConcurrencyError } from '../event-store.errors';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
import { useTemporaryStoreFile } from './testing/temporary-store-file';
import { typescriptWriterThread } from './testing/typescript-writer-thread';

type NodeRow = { level: number; idx: number; hash: Buffer };

/** Every node the tree of the file's whole log must hold, computed from the parsed events as a verifier would. */
async function expectedNodes(store: SqliteEventStore): Promise<string[]> {
  const builder = new TreeBuilder();
  const nodes: string[] = [];
  for (const event of await store.readAll()) {
    builder.append(leafHash(ledgerEntry(event)), ({ level, index, hash }) => nodes.push(`${level}:${index}:${Buffer.from(hash).toString('hex')}`));
  }
  return nodes.sort();
}

describe('SqliteEventStore extends the transparency log tree in the append transaction', () => {
  const file = useTemporaryStoreFile('concord-log-tree-');
  const open = (options?: SqliteEventStoreOptions): Promise<SqliteEventStore> => file.open(options);
  const storedNodes = (): string[] => {
    const db = new Database(file.path, { readonly: true });
    try {
      const rows = db.prepare<[], NodeRow>('SELECT level, idx, hash FROM log_tree_nodes').all();
      return rows.map(({ level, idx, hash }) => `${level}:${idx}:${hash.toString('hex')}`).sort();
    } finally {
      db.close();
    }
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
    expect(storedNodes()).toEqual(await expectedNodes(store));
  });

  it('reads the log as entries built by SQLite, each the entry a verifier hashes, beside its stored leaf', async () => {
    const store = await open({ writer: 'in-process' });
    await store.append('meeting-"quoted"', aBatch(3), { expectedRevision: 'no-stream' });
    await store.append('proposal-ü', [anEvent({ data: { text: 'line\nbreak\ttab "q" \u2028 é', n: [1.5, -0, 1e21], nested: { z: null, a: true } } })], {
      expectedRevision: 'no-stream',
    });

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
    expect(storedNodes()).toEqual(await expectedNodes(store));
    await store.append('after', aBatch(1), { expectedRevision: 'no-stream' });
    expect(storedNodes()).toEqual(await expectedNodes(store));
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

    expect(storedNodes()).toEqual(await expectedNodes(one));
  });

  it('leaves a tree behind the log alone, and extends it again from the first append after it is caught up', async () => {
    const withoutTree = await open({ writer: 'in-process', extendLogTree: false });
    await withoutTree.append('old', aBatch(5), { expectedRevision: 'no-stream' });
    expect(storedNodes()).toEqual([]);

    const store = await open({ writer: 'in-process' });
    await store.append('new', aBatch(2), { expectedRevision: 'no-stream' });
    expect(storedNodes()).toEqual([]);

    // What the transparency log's follower does for a ledger recorded before its tree existed.
    const caughtUp = await expectedNodes(store);
    const db = new Database(file.path);
    const insert = db.prepare<[number, number, Buffer]>('INSERT INTO log_tree_nodes (level, idx, hash) VALUES (?, ?, ?)');
    for (const node of caughtUp) {
      const [level, idx, hash] = node.split(':') as [string, string, string];
      insert.run(Number(level), Number(idx), Buffer.from(hash, 'hex'));
    }
    db.close();

    await store.append('new', aBatch(4), { expectedRevision: 1 });
    expect(storedNodes()).toEqual(await expectedNodes(store));
    expect(storedNodes().filter((node) => node.startsWith('0:'))).toHaveLength(11);
  });
});
