import { generateKeyPairSync } from 'node:crypto';
import { InMemoryEventStore, StoredEvent, UnreadableEventError } from '@concord/event-store';
import { parseCheckpoint, verifyNote } from '@concord/verifier';
import { AuditProofs, ProofRefusedError } from './audit-proofs';
import { CheckpointInconsistentError, Checkpointer } from './checkpointer';
import { InMemoryTransparencyStore } from './in-memory-transparency-store';
import { LogTree } from './log-tree';
import { signingKeyOf } from './signing-key';
import { eventToAppend } from './testing/log-events';
import { TreeFollower } from './tree-follower';
import { EventProblem, LogVetting } from './event-vetting';

const key = signingKeyOf('test.example/log', generateKeyPairSync('ed25519').privateKey, false);
const event = eventToAppend;
const append = async (store: InMemoryEventStore, from: number, count: number) => {
  for (let index = from; index < from + count; index += 1) await store.append(`stream-${index % 3}`, [event(index)], { expectedRevision: 'any' });
};
const signedSize = (note: string): number => parseCheckpoint(verifyNote(note, [key.verifierKey]).text).size;

async function setUp(settings: { checkpointEvery?: number; checkpointIntervalMs?: number; problemOf?: EventProblem } = {}) {
  const store = new InMemoryEventStore();
  const transparency = new InMemoryTransparencyStore();
  const problemOf = settings.problemOf ?? (() => undefined);
  const tree = await LogTree.open(transparency, problemOf);
  const checkpointer = new Checkpointer(tree, transparency, key, () => new Date('2026-12-01T12:00:00Z'), { vetting: new LogVetting(store, problemOf) });
  const errors: unknown[] = [];
  const follower = new TreeFollower(store, tree, checkpointer, {
    checkpointEvery: settings.checkpointEvery ?? 1000,
    checkpointIntervalMs: settings.checkpointIntervalMs ?? 60_000,
    onError: (error) => errors.push(error),
  });
  return { store, transparency, tree, checkpointer, follower, errors, proofs: new AuditProofs(store, tree, transparency) };
}

describe('the tree follows the log and checkpoints are signed', () => {
  it('catches up from where the tree stopped, signs at once, then follows and signs every N events', async () => {
    const { store, transparency, tree, follower, errors } = await setUp({ checkpointEvery: 5 });
    await append(store, 0, 7);
    await follower.start();
    expect(tree.size).toBe(7);
    expect(signedSize((await transparency.latestCheckpoint())?.note as string)).toBe(7);
    await append(store, 7, 12);
    const latest = await follower.signNow();
    expect(tree.size).toBe(19);
    expect(signedSize(latest.note)).toBe(19);
    // Signed on the way, each time the tree had grown by at least five.
    const sizes = (await transparency.checkpoints(0, 100)).map((checkpoint) => checkpoint.treeSize);
    expect(sizes[0]).toBe(7);
    expect(sizes.length).toBeGreaterThan(2);
    for (const [index, size] of sizes.slice(1, -1).entries()) expect(size - (sizes[index] as number)).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    await follower.stop();
  });

  it('signs on a timer while the log grows, never a smaller tree', async () => {
    const { store, transparency, follower } = await setUp({ checkpointIntervalMs: 20 });
    await follower.start();
    expect((await transparency.latestCheckpoint())?.treeSize).toBe(0);
    await append(store, 0, 3);
    for (const deadline = Date.now() + 2000; (await transparency.latestCheckpoint())?.treeSize !== 3 && Date.now() < deadline;)
      await new Promise((done) => setTimeout(done, 10));
    expect((await transparency.latestCheckpoint())?.treeSize).toBe(3);
    await follower.stop();
  });

  it('signs the same tree once, and refuses to sign a tree that does not extend the latest checkpoint', async () => {
    const { store, tree, checkpointer } = await setUp();
    await append(store, 0, 4);
    await tree.extend(await store.readAll());
    const first = await checkpointer.sign();
    expect(await checkpointer.sign()).toEqual(first);
    // Another copy of the tables, whose tree was computed from an altered first event, holds the same checkpoint.
    const altered = new InMemoryTransparencyStore();
    const otherTree = await LogTree.open(altered);
    await otherTree.extend((await store.readAll()).map((stored) => (stored.position === 1 ? { ...stored, data: { index: 'changed' } } : stored)));
    await altered.addCheckpoint(first);
    await append(store, 4, 1);
    await otherTree.extend(await store.readAll({ after: 4 }));
    await expect(new Checkpointer(otherTree, altered, key, () => new Date()).sign()).rejects.toBeInstanceOf(CheckpointInconsistentError);
  });

  it('checks the tree against the latest root as signed, not as the column beside it says', async () => {
    const { store, tree, checkpointer } = await setUp();
    await append(store, 0, 4);
    await tree.extend(await store.readAll());
    const first = await checkpointer.sign();
    // The tables are rewritten from an altered first event, the checkpoint's root column too; its note cannot be.
    const rewritten = new InMemoryTransparencyStore();
    const rewrittenTree = await LogTree.open(rewritten);
    await rewrittenTree.extend((await store.readAll()).map((stored) => (stored.position === 1 ? { ...stored, data: { index: 'changed' } } : stored)));
    await rewritten.addCheckpoint({ ...first, rootHash: await rewrittenTree.rootAt(4) });
    await append(store, 4, 1);
    await rewrittenTree.extend(await store.readAll({ after: 4 }));
    await expect(new Checkpointer(rewrittenTree, rewritten, key, () => new Date()).sign()).rejects.toBeInstanceOf(CheckpointInconsistentError);
  });

  it('signs nothing more once the stored tree is longer than the log (a rolled-back log)', async () => {
    const { store, transparency, follower } = await setUp();
    await append(store, 0, 5);
    await follower.start();
    await follower.stop();
    const rolledBack = new InMemoryEventStore();
    await append(rolledBack, 0, 3);
    const tree = await LogTree.open(transparency);
    const checkpointer = new Checkpointer(tree, transparency, key, () => new Date());
    const restarted = new TreeFollower(rolledBack, tree, checkpointer, { checkpointEvery: 1, checkpointIntervalMs: 60_000, onError: () => undefined });
    await expect(restarted.start()).rejects.toThrow(/held 5 leaves while the log ended at position 3/);
    await append(rolledBack, 3, 4);
    await expect(checkpointer.sign()).rejects.toBeInstanceOf(CheckpointInconsistentError);
    expect((await transparency.latestCheckpoint())?.treeSize).toBe(5);
  });

  it('answers a proof asked of a position the signed tree holds but a truncated log lacks as the log inconsistent, not beyond the tree', async () => {
    const { store, transparency, follower } = await setUp();
    await append(store, 0, 6);
    await follower.start();
    await follower.stop();
    const truncated = new InMemoryEventStore();
    await append(truncated, 0, 4);
    const proofs = new AuditProofs(truncated, await LogTree.open(transparency), transparency);
    await expect(proofs.inclusion(4, undefined)).resolves.toMatchObject({ position: 4, treeSize: 6 });
    await expect(proofs.inclusion(5, undefined)).rejects.toThrow(
      new CheckpointInconsistentError(
        'the tree of 6 leaves holds position 5 but the log has no event there: events were removed after they were recorded (run concord verify)',
      ),
    );
    await expect(proofs.inclusion(7, undefined)).rejects.toMatchObject({ code: 'position-beyond-tree' });
  });

  it('tells a caller asking for a proof before any checkpoint that there is none yet', async () => {
    const { proofs } = await setUp();
    await expect(proofs.latest()).rejects.toMatchObject({ code: 'checkpoint-not-found' });
    await expect(proofs.inclusion(1, undefined)).rejects.toBeInstanceOf(ProofRefusedError);
  });

  it('tries a failed write again and loses no event', async () => {
    const { store, transparency, tree, follower, errors } = await setUp();
    await follower.start();
    const extend = transparency.extend.bind(transparency);
    let failures = 1;
    transparency.extend = async (...args) => {
      if (failures-- > 0) throw new Error('the database is away');
      return extend(...args);
    };
    await append(store, 0, 3);
    for (const deadline = Date.now() + 5000; tree.size < 3 && Date.now() < deadline;) await new Promise((done) => setTimeout(done, 20));
    expect(tree.size).toBe(3);
    expect(errors).toEqual([expect.objectContaining({ message: 'the database is away' })]);
    await follower.stop();
  });

  describe('an event the ledger would not vouch for', () => {
    const forged: EventProblem = (event: StoredEvent) => (event.eventId === 'event-5' ? 'no schema for event type "Bogus"' : undefined);

    it('is neither hashed nor signed: the tree and its checkpoints end before it, and asking to sign the log as it is now names it', async () => {
      const { store, transparency, tree, follower, errors } = await setUp({ problemOf: forged });
      await append(store, 0, 9);
      await follower.start();
      expect(tree.size).toBe(5);
      expect((await transparency.latestCheckpoint())?.treeSize).toBe(5);
      expect(errors).toEqual([new UnreadableEventError(6, 'no schema for event type "Bogus"')]);
      await expect(follower.signNow()).rejects.toEqual(new UnreadableEventError(6, 'no schema for event type "Bogus"'));
      // Following no further: events recorded after it are neither held nor tried again and again.
      await append(store, 9, 5);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(errors).toHaveLength(1);
      expect(tree.size).toBe(5);
      await follower.stop();
    });

    it('is not signed however it entered the tree (a SQLite writer hashes what another process appended between its groups)', async () => {
      const { store, transparency, tree, checkpointer } = await setUp({ problemOf: forged });
      await append(store, 0, 9);
      await tree.extend(await store.readAll({ after: 0, limit: 4 }));
      expect((await checkpointer.sign()).treeSize).toBe(4);
      // The same tables, extended past it by a writer that does not vet: the checkpointer reads what it is about to cover.
      await (await LogTree.open(transparency)).extend(await store.readAll({ after: 4 }));
      await tree.refresh();
      expect(tree.size).toBe(9);
      await expect(checkpointer.sign()).rejects.toEqual(new UnreadableEventError(6, 'no schema for event type "Bogus"'));
      expect((await transparency.latestCheckpoint())?.treeSize).toBe(4);
    });
  });
});
