import { generateKeyPairSync } from 'node:crypto';
import { InMemoryEventStore, StoredEvent } from '@concord/event-store';
import { AuditProofs } from './audit-proofs';
import { CheckpointInconsistentError, Checkpointer } from './checkpointer';
import { InMemoryTransparencyStore } from './in-memory-transparency-store';
import { LogTree } from './log-tree';
import { signingKeyOf } from './signing-key';
import { eventToAppend } from './testing/log-events';

const key = signingKeyOf('test.example/log', generateKeyPairSync('ed25519').privateKey, false);

/** A log of six events, its tree, and a checkpoint of it signed. */
async function signedLog() {
  const store = new InMemoryEventStore();
  for (let index = 0; index < 6; index += 1) await store.append(`stream-${index % 3}`, [eventToAppend(index)], { expectedRevision: 'any' });
  const transparency = new InMemoryTransparencyStore();
  const tree = await LogTree.open(transparency);
  await tree.extend(await store.readAll());
  const signed = await new Checkpointer(tree, transparency, key, () => new Date()).sign();
  return { store, signed };
}

/** The log as whoever rewrote its first event serves it. */
function servedAs(store: InMemoryEventStore, events: readonly StoredEvent[]): InMemoryEventStore {
  return Object.assign(Object.create(store) as InMemoryEventStore, {
    readAll: async (options?: { after?: number; limit?: number }) =>
      events.filter((event) => event.position > (options?.after ?? 0)).slice(0, options?.limit ?? Number.MAX_SAFE_INTEGER),
  });
}

describe('proofs of a log changed under its signed checkpoint', () => {
  it('are refused once the tree, computed again from the changed events, no longer hashes to the root the signed note names', async () => {
    const { store, signed } = await signedLog();
    const changed = (await store.readAll()).map((event) => (event.position === 1 ? { ...event, data: { index: 'changed' } } : event));
    const transparency = new InMemoryTransparencyStore();
    const tree = await LogTree.open(transparency);
    await tree.extend(changed);
    await transparency.addCheckpoint(signed);
    const proofs = new AuditProofs(servedAs(store, changed), tree, transparency);
    await expect(proofs.inclusion(2, undefined)).rejects.toThrow(CheckpointInconsistentError);
    await expect(proofs.inclusion(2, undefined)).rejects.toThrow(/no longer hashes to the root the latest checkpoint signed/);
    await expect(proofs.consistency(2, 6)).rejects.toThrow(CheckpointInconsistentError);
  });

  it('are refused, the checkpoint named as altered, when its stored root was rewritten beside the signed note as well', async () => {
    const { store, signed } = await signedLog();
    const changed = (await store.readAll()).map((event) => (event.position === 1 ? { ...event, data: { index: 'changed' } } : event));
    const transparency = new InMemoryTransparencyStore();
    const tree = await LogTree.open(transparency);
    await tree.extend(changed);
    // The stored root rewritten beside the signed note, as whoever rewrites the tables would.
    await transparency.addCheckpoint({ ...signed, rootHash: await tree.rootAt(6) });
    const proofs = new AuditProofs(servedAs(store, changed), tree, transparency);
    await expect(proofs.inclusion(2, undefined)).rejects.toThrow(/the stored checkpoint was altered after it was signed/);
    await expect(new Checkpointer(tree, transparency, key, () => new Date()).sign()).rejects.toThrow(
      /listed with 6 events and root .* but its signed note says 6 events/,
    );
  });

  it('are given while the tree hashes to it', async () => {
    const { store } = await signedLog();
    const transparency = new InMemoryTransparencyStore();
    const tree = await LogTree.open(transparency);
    await tree.extend(await store.readAll());
    await new Checkpointer(tree, transparency, key, () => new Date()).sign();
    expect((await new AuditProofs(store, tree, transparency).inclusion(2, undefined)).treeSize).toBe(6);
  });
});
