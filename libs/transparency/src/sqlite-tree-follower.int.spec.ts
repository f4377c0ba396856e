import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@concord/event-store';
import { leafHash, ledgerEntry, parseCheckpoint, rootOf, verifyNote } from '@concord/verifier';
import { CheckpointInconsistentError, Checkpointer } from './checkpointer';
import { LogTree } from './log-tree';
import { signingKeyOf } from './signing-key';
import { SqliteTransparencyStore } from './sqlite-transparency-store';
import { eventToAppend } from './testing/log-events';
import { TreeFollower } from './tree-follower';

const key = signingKeyOf('test.example/log', generateKeyPairSync('ed25519').privateKey, false);
const event = eventToAppend;

describe('on SQLite, where appends extend the tree themselves', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'concord-sqlite-follower-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['follows the log', false],
    ['reads no event once caught up', true],
  ])('the follower catches up a ledger recorded without a tree, then signs the tree the appends extend (%s)', async (_how, extendedByAppends) => {
    const file = join(dir, 'ledger.sqlite');
    const older = await SqliteEventStore.open(file, { writer: 'in-process', extendLogTree: false });
    for (let index = 0; index < 30; index += 1) await older.append(`s-${index % 4}`, [event(index)], { expectedRevision: 'any' });
    await older.close();

    const store = await SqliteEventStore.open(file, { writer: 'in-process' });
    const transparency = SqliteTransparencyStore.open(file, { extendedByAppends });
    const subscribe = jest.spyOn(store, 'subscribe');
    const tree = await LogTree.open(transparency);
    const extended: number[] = [];
    const extend = tree.extend.bind(tree);
    tree.extend = async (events) => {
      extended.push(...events.map((each) => each.position));
      return extend(events);
    };
    const follower = new TreeFollower(store, tree, new Checkpointer(tree, transparency, key, () => new Date()), {
      checkpointEvery: 10,
      checkpointIntervalMs: 60_000,
      onError: (error) => {
        throw error;
      },
    });
    try {
      await follower.start();
      expect(extended).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
      for (let index = 30; index < 75; index += 1) await store.append(`s-${index % 4}`, [event(index)], { expectedRevision: 'any' });
      const checkpoint = await follower.signNow();

      // Following the log, it races the appends for the leaves and may compute some itself; watching, none.
      if (extendedByAppends) expect(extended).toHaveLength(30);
      expect(subscribe).toHaveBeenCalledTimes(extendedByAppends ? 0 : 1);
      expect(checkpoint.treeSize).toBe(75);
      const root = rootOf((await store.readAll()).map((each) => leafHash(ledgerEntry(each))));
      expect(Buffer.from(parseCheckpoint(verifyNote(checkpoint.note, [key.verifierKey]).text).rootHash)).toEqual(Buffer.from(root));
    } finally {
      await follower.stop();
      await transparency.close();
      await store.close();
    }
  });

  it('refuses to sign once the tree the appends extended no longer describes the log (an event deleted from the file)', async () => {
    const file = join(dir, 'ledger.sqlite');
    const store = await SqliteEventStore.open(file, { writer: 'in-process' });
    const transparency = SqliteTransparencyStore.open(file, { extendedByAppends: true });
    const tree = await LogTree.open(transparency);
    const errors: unknown[] = [];
    const follower = new TreeFollower(store, tree, new Checkpointer(tree, transparency, key, () => new Date()), {
      checkpointEvery: 1000,
      checkpointIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    try {
      for (let index = 0; index < 10; index += 1) await store.append(`s-${index % 4}`, [event(index)], { expectedRevision: 'any' });
      await follower.start();
      const raw = new Database(file);
      raw.prepare('DELETE FROM events WHERE position = 10').run();
      raw.close();
      for (const deadline = Date.now() + 5000; errors.length === 0 && Date.now() < deadline;) await new Promise((done) => setTimeout(done, 50));

      expect(errors[0]).toBeInstanceOf(CheckpointInconsistentError);
      await expect(follower.signNow()).rejects.toBeInstanceOf(CheckpointInconsistentError);
    } finally {
      await follower.stop();
      await transparency.close();
      await store.close();
    }
  });
});
