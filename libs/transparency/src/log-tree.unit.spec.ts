import { StoredEvent } from '@concord/event-store';
import { InMemoryTransparencyStore } from './in-memory-transparency-store';
import { LogTree } from './log-tree';
import { logEvents } from './testing/log-events';
import { referenceConsistency, referenceLeaf, referencePath, referenceRoot } from '@concord/verifier/testing/reference-merkle';
import { ledgerEntry, verifyConsistency } from '@concord/verifier';

const SIZES = 100;
const events = logEvents(1, SIZES);
const leaves = events.map((event) => referenceLeaf(ledgerEntry(event)));
const hex = (hashes: readonly Uint8Array[]) => hashes.map((hash) => Buffer.from(hash).toString('hex'));

async function treeOf(size: number, batch = 7): Promise<LogTree> {
  const tree = await LogTree.open(new InMemoryTransparencyStore());
  for (let start = 0; start < size; start += batch) await tree.extend(events.slice(start, Math.min(size, start + batch)));
  return tree;
}

describe('LogTree (RFC 9162 §2.1)', () => {
  it('has the root of every size from 0 to 100 that the RFC recursion gives', async () => {
    const tree = await treeOf(SIZES);
    for (let size = 0; size <= SIZES; size += 1) {
      expect(Buffer.from(await tree.rootAt(size)).toString('hex')).toBe(referenceRoot(leaves.slice(0, size)).toString('hex'));
    }
  });

  it('gives the RFC audit path of every leaf of every tree of 1 to 100 leaves', async () => {
    const tree = await treeOf(SIZES);
    for (let size = 1; size <= SIZES; size += 1) {
      for (let index = 0; index < size; index += 1) {
        expect(hex(await tree.inclusionProof(index, size))).toEqual(hex(referencePath(index, leaves.slice(0, size))));
      }
    }
  });

  it('gives the RFC consistency proof for every pair of sizes up to 100', async () => {
    const tree = await treeOf(SIZES);
    for (let to = 1; to <= SIZES; to += 1) {
      for (let from = 1; from <= to; from += 1) {
        expect(hex(await tree.consistencyProof(from, to))).toEqual(hex(referenceConsistency(from, leaves.slice(0, to))));
      }
    }
  });

  it('proves every tree an extension of the empty one with the empty proof, as the verifier checks it', async () => {
    const tree = await treeOf(SIZES);
    for (let to = 0; to <= SIZES; to += 1) {
      const proof = await tree.consistencyProof(0, to);
      expect(proof).toEqual([]);
      expect(verifyConsistency({ fromSize: 0, toSize: to, proof, fromRoot: await tree.rootAt(0), toRoot: await tree.rootAt(to) })).toBe(true);
    }
  });

  it('answers the same whatever the batches it was extended in, and after reopening', async () => {
    const store = new InMemoryTransparencyStore();
    const first = await LogTree.open(store);
    await first.extend(events.slice(0, 37));
    const reopened = await LogTree.open(store);
    expect(reopened.size).toBe(37);
    for (const event of events.slice(37)) await reopened.extend([event]);
    const inOneGo = await treeOf(SIZES, SIZES);
    expect(hex([await reopened.rootAt(SIZES), await reopened.rootAt(64)])).toEqual(hex([await inOneGo.rootAt(SIZES), await inOneGo.rootAt(64)]));
  });

  it('refuses an event out of order and a size it does not hold', async () => {
    const tree = await treeOf(10);
    await expect(tree.extend(events.slice(11, 12))).rejects.toThrow(/next event must be at position 11, not 12/);
    await expect(tree.rootAt(11)).rejects.toThrow(RangeError);
    await expect(tree.inclusionProof(10, 10)).rejects.toThrow(RangeError);
    await expect(tree.consistencyProof(-1, 5)).rejects.toThrow(RangeError);
    await expect(tree.consistencyProof(6, 5)).rejects.toThrow(RangeError);
    expect(tree.size).toBe(10);
  });

  it('stores each leaf once and refuses a stored tree that differs from the log', async () => {
    const store = new InMemoryTransparencyStore();
    const tree = await LogTree.open(store);
    await tree.extend(events.slice(0, 8));
    // A second instance extending the same store from an older size must agree with what is there.
    const altered = { ...(events[4] as StoredEvent), data: { text: 'altered' } };
    await expect(store.extend(4, [{ level: 0, index: 4, hash: referenceLeaf(ledgerEntry(altered)) }])).rejects.toThrow(/differs from the log/);
    await expect(store.extend(9, [])).rejects.toThrow(/cannot be extended from 9/);
    expect(await store.treeSize()).toBe(8);
  });
});
