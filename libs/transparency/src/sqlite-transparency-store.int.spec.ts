import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@concord/event-store';
import { finishedWhileLocked } from '@concord/event-store/sqlite/testing/event-loop-while-locked';
import { SqliteTransparencyStore } from './sqlite-transparency-store';

const hash = (fill: number): Uint8Array => new Uint8Array(32).fill(fill);

describe('SqliteTransparencyStore on the ledger file, while another process holds its write lock', () => {
  let dir: string;
  let file: string;
  let store: SqliteTransparencyStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concord-transparency-locked-'));
    file = join(dir, 'ledger.sqlite');
    // The ledger's own file, as the API opens it: the events' tables first.
    await (await SqliteEventStore.open(file, { writer: 'in-process' })).close();
    store = SqliteTransparencyStore.open(file, { extendedByAppends: true });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The follower extends the tree on the event loop when the appends' own tree writes fall behind
  // (their writer waits for the same lock): that wait must leave every other request running.
  it('extends the tree once the lock is let go, with the event loop free meanwhile', async () => {
    const finished = await finishedWhileLocked(file, () => store.extend(0, [{ level: 0, index: 0, hash: hash(1) }]));

    expect(finished).toEqual(['timer', 'write']);
    expect(await store.treeSize()).toBe(1);
  });

  it('stores a checkpoint once the lock is let go, with the event loop free meanwhile', async () => {
    const checkpoint = { treeSize: 0, rootHash: hash(0), note: 'note', keyName: 'k', signedAt: '2026-01-01T00:00:00.000Z' };

    const finished = await finishedWhileLocked(file, () => store.addCheckpoint(checkpoint));

    expect(finished).toEqual(['timer', 'write']);
    expect((await store.latestCheckpoint())?.note).toBe('note');
  });
});
