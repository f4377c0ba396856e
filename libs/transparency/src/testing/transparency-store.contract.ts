import { nodeHash } from '@concord/verifier';
import { TransparencyStore, TreeDivergedError } from '../transparency-store.port';

const hash = (fill: number): Uint8Array => new Uint8Array(32).fill(fill);
const hex = (hashes: readonly Uint8Array[]) => hashes.map((value) => Buffer.from(value).toString('hex'));

/** What every place that keeps the transparency tables must do (registered per adapter by its spec). */
export function transparencyStoreContract(name: string, open: () => Promise<TransparencyStore>): void {
  describe(`${name} transparency store`, () => {
    let store: TransparencyStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('grows without gaps, and keeps each node once', async () => {
      expect(await store.treeSize()).toBe(0);
      // A store may keep some levels and fold the others from the leaves: the nodes given are the tree's own.
      await store.extend(0, [
        { level: 0, index: 0, hash: hash(1) },
        { level: 0, index: 1, hash: hash(2) },
        { level: 1, index: 0, hash: nodeHash(hash(1), hash(2)) },
      ]);
      expect(await store.treeSize()).toBe(2);
      expect(
        hex(
          await store.nodes([
            { level: 1, index: 0 },
            { level: 0, index: 1 },
          ]),
        ),
      ).toEqual(hex([nodeHash(hash(1), hash(2)), hash(2)]));
      expect(hex(await store.leaves(0, 5))).toEqual(hex([hash(1), hash(2)]));
      await expect(store.extend(3, [{ level: 0, index: 3, hash: hash(4) }])).rejects.toBeInstanceOf(TreeDivergedError);
      // Another instance repeating what is stored, then adding to it, is fine.
      await store.extend(1, [
        { level: 0, index: 1, hash: hash(2) },
        { level: 0, index: 2, hash: hash(5) },
      ]);
      expect(await store.treeSize()).toBe(3);
    });

    it('refuses a node that differs from the one stored, and stores nothing of that write', async () => {
      await store.extend(0, [{ level: 0, index: 0, hash: hash(1) }]);
      await expect(
        store.extend(0, [
          { level: 0, index: 0, hash: hash(9) },
          { level: 0, index: 1, hash: hash(2) },
        ]),
      ).rejects.toThrow(/differs from the log/);
      expect(await store.treeSize()).toBe(1);
      await expect(store.nodes([{ level: 0, index: 1 }])).rejects.toThrow(RangeError);
    });

    it('keeps checkpoints by size, the first of a size standing', async () => {
      const checkpoint = (treeSize: number, note: string) => ({
        treeSize,
        rootHash: hash(treeSize),
        note,
        keyName: 'k',
        signedAt: `2026-12-01T00:00:0${treeSize}Z`,
      });
      expect(await store.latestCheckpoint()).toBeUndefined();
      expect(await store.addCheckpoint(checkpoint(2, 'two'))).toBe(true);
      expect(await store.addCheckpoint(checkpoint(5, 'five'))).toBe(true);
      expect(await store.addCheckpoint(checkpoint(5, 'five again'))).toBe(false);
      expect(await store.addCheckpoint(checkpoint(3, 'three'))).toBe(true);
      expect((await store.latestCheckpoint())?.note).toBe('five');
      expect((await store.checkpoints(3, 10)).map((c) => c.note)).toEqual(['three', 'five']);
      expect((await store.checkpoints(0, 2)).map((c) => c.treeSize)).toEqual([2, 3]);
      const five = await store.checkpointOfSize(5);
      expect(five && hex([five.rootHash])).toEqual(hex([hash(5)]));
      expect(five?.signedAt).toBe('2026-12-01T00:00:05Z');
      expect(await store.checkpointOfSize(4)).toBeUndefined();
    });

    it('publishes keys, closing the one before when a new one signs', async () => {
      await store.publishKey({ name: 'a', verifierKey: 'a+1+x', publicKeyPem: 'pem a', from: '2026-01-01T00:00:00Z' });
      await store.publishKey({ name: 'a', verifierKey: 'a+1+x', publicKeyPem: 'pem a', from: '2026-02-01T00:00:00Z' });
      await store.publishKey({ name: 'a', verifierKey: 'a+2+y', publicKeyPem: 'pem b', from: '2026-03-01T00:00:00Z' });
      expect(await store.publishedKeys()).toEqual([
        { name: 'a', verifierKey: 'a+1+x', publicKeyPem: 'pem a', from: '2026-01-01T00:00:00Z', until: '2026-03-01T00:00:00Z' },
        { name: 'a', verifierKey: 'a+2+y', publicKeyPem: 'pem b', from: '2026-03-01T00:00:00Z', until: null },
      ]);
    });
  });
}
