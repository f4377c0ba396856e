import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointInconsistentError, Checkpointer } from './checkpointer';
import { FileCheckpointMemory } from './checkpoint-memory';
import { signingKeyOf } from './signing-key';
import { eventToAppend } from './testing/log-events';
import { treeOfLog } from './testing/tree-of-log';

const key = signingKeyOf('test.example/log', generateKeyPairSync('ed25519').privateKey, false);

describe('a signer remembers the latest checkpoint it signed, outside the store', () => {
  let directory: string;
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'concord-memory-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps the note it signed last, readable by its owner only', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'last-signed-checkpoint.txt'));
    const { transparency, tree } = await treeOfLog(6);
    const signed = await new Checkpointer(tree, transparency, key, () => new Date(), { memory }).sign();
    expect(readFileSync(memory.where, 'utf8')).toBe(signed.note);
    expect(statSync(memory.where).mode & 0o777).toBe(0o600);
    expect(await memory.recall()).toEqual({ treeSize: 6, note: signed.note });
  });

  it('signs nothing on a store that lacks it: checkpoints removed and the history changed under them', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'last-signed-checkpoint.txt'));
    const original = await treeOfLog(6);
    await new Checkpointer(original.tree, original.transparency, key, () => new Date(), { memory }).sign();

    // The same log with its fourth event changed, its tree and checkpoints built again from scratch.
    const altered = await treeOfLog(6, (index) => (index === 3 ? 'forged' : `statement ${index}`));
    const refused = new Checkpointer(altered.tree, altered.transparency, key, () => new Date(), { memory }).sign();
    await expect(refused).rejects.toThrow(CheckpointInconsistentError);
    await expect(refused).rejects.toThrow(/signed a checkpoint of 6 events .* but the store's latest checkpoint is none/);
    expect(await altered.transparency.latestCheckpoint()).toBeUndefined();
  });

  it('signs on another store that holds the same history (an export imported), and not on one that lost events', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'last-signed-checkpoint.txt'));
    const original = await treeOfLog(6);
    await new Checkpointer(original.tree, original.transparency, key, () => new Date(), { memory }).sign();

    const moved = await treeOfLog(6);
    expect((await new Checkpointer(moved.tree, moved.transparency, key, () => new Date(), { memory }).sign()).treeSize).toBe(6);

    const shorter = await treeOfLog(4);
    await expect(new Checkpointer(shorter.tree, shorter.transparency, key, () => new Date(), { memory }).sign()).rejects.toThrow(
      /signed a checkpoint of 6 events .* and the log's tree holds only 4 events/,
    );
  });

  it('is bound by no checkpoint another key signed (a ledger begun anew), and takes the store’s own at its first signing', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'nested', 'last-signed-checkpoint.txt'));
    const before = await treeOfLog(6);
    const otherKey = signingKeyOf('test.example/log', generateKeyPairSync('ed25519').privateKey, false);
    await new Checkpointer(before.tree, before.transparency, otherKey, () => new Date(), { memory }).sign();
    expect(statSync(memory.where).isFile()).toBe(true);

    const anew = await treeOfLog(2, (index) => `another ledger ${index}`);
    expect((await new Checkpointer(anew.tree, anew.transparency, key, () => new Date(), { memory }).sign()).treeSize).toBe(2);
    // The new key's checkpoint replaces the other key's, though smaller: it is what binds this signer now.
    expect((await memory.recall())?.treeSize).toBe(2);

    // A memory that lost its file is seeded from the store's latest checkpoint, once its signature is this key's.
    rmSync(memory.where);
    const signer = new Checkpointer(anew.tree, anew.transparency, key, () => new Date(), { memory });
    await signer.sign();
    expect((await memory.recall())?.note).toBe((await anew.transparency.latestCheckpoint())?.note);
  });

  it('signs nothing on a store whose checkpoints were replaced by ones over a changed history, signed by a key written into the store', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'last-signed-checkpoint.txt'));
    const original = await treeOfLog(6);
    await new Checkpointer(original.tree, original.transparency, key, () => new Date(), { memory }).sign();

    // The fourth event changed, the tree built again, and a checkpoint of it signed under the
    // ledger's name by a key of the forger's, published in the store as one the ledger's key replaced.
    const altered = await treeOfLog(6, (index) => (index === 3 ? 'forged' : `statement ${index}`));
    const forger = signingKeyOf(key.name, generateKeyPairSync('ed25519').privateKey, false);
    await new Checkpointer(altered.tree, altered.transparency, forger, () => new Date()).sign();
    for (const [published, from] of [
      [forger, '2026-01-01T00:00:00.000Z'],
      [key, '2026-01-02T00:00:00.000Z'],
    ] as const)
      await altered.transparency.publishKey({ name: published.name, verifierKey: published.verifierKey, publicKeyPem: published.publicKeyPem, from });
    await altered.store.append('stream-0', [eventToAppend(6)], { expectedRevision: 'any' });
    await altered.tree.extend(await altered.store.readAll({ after: 6 }));

    const refused = new Checkpointer(altered.tree, altered.transparency, key, () => new Date(), { memory }).sign();
    await expect(refused).rejects.toThrow(/signed a checkpoint of 6 events .* but the log's first 6 events hash to another root now/);
    expect((await altered.transparency.latestCheckpoint())?.treeSize).toBe(6);
  });

  it('signs on a store that holds it or a later one, and refuses a memory that is no signed checkpoint', async () => {
    const memory = new FileCheckpointMemory(join(directory, 'last-signed-checkpoint.txt'));
    const { store, transparency, tree } = await treeOfLog(4);
    const checkpointer = new Checkpointer(tree, transparency, key, () => new Date(), { memory });
    await checkpointer.sign();
    await store.append('stream-0', [eventToAppend(4)], { expectedRevision: 'any' });
    await tree.extend(await store.readAll({ after: 4 }));
    expect((await checkpointer.sign()).treeSize).toBe(5);
    writeFileSync(memory.where, 'not a checkpoint\n');
    await expect(checkpointer.sign()).rejects.toThrow(/is no signed checkpoint/);
    // Answered to any caller without the server's path, which its log keeps.
    await expect(checkpointer.sign()).rejects.toMatchObject({
      message: expect.stringMatching(new RegExp(`^${memory.where} should hold`)),
      answered: expect.stringMatching(
        /^last-signed-checkpoint\.txt in its data directory should hold the latest checkpoint this instance signed, but it is no signed checkpoint/,
      ),
    });
  });
});
