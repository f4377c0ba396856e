import { leafHash } from '@concord/verifier';
import { pageMessage, pageOf } from './leaf-checker-messages';

describe('a page crossing to the hashing thread', () => {
  it('arrives as it left: entries holding line feeds or nothing at all, and which leaves were stored', () => {
    const entries = ['{"data":{"a":1}}', '{"data":{\n  "a": 2\n}}', '', '{"data":"é \u2028 🗳️ \\n"}', '\n\n'];
    const stored = [leafHash('a'), undefined, leafHash('c'), undefined, leafHash('e')];
    const altered = [new Uint8Array(33), undefined, new Uint8Array(3)];

    const message = pageMessage(7, entries, stored);
    const arrived = pageOf(structuredClone(message));

    expect(arrived.entries).toEqual(entries);
    expect(arrived.stored.map((leaf) => leaf && Buffer.from(leaf).toString('hex'))).toEqual(stored.map((leaf) => leaf && Buffer.from(leaf).toString('hex')));
    // A stored leaf that is not 32 bytes arrives as one that matches nothing, and moves no neighbour.
    const odd = pageOf(structuredClone(pageMessage(8, ['x', 'y', 'z'], altered)));
    expect(odd.stored.map((leaf) => leaf?.length)).toEqual([0, undefined, 0]);
  });
});
