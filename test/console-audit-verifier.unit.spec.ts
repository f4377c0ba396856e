import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { formatCheckpointText, formatVerifierKey, leafHash, rootOf, signNote } from '../libs/verifier/src';
import {
  checkInclusion,
  leafHashOf,
  parseSignedCheckpoint,
  rootFromAuditPath,
  signedBy,
  signerOf,
  verifierKeyProblem,
} from '../apps/console/src/audit/browser-verifier';

const hex = (bytes: Uint8Array | null): string | null => bytes && Buffer.from(bytes).toString('hex');
const leaves = Array.from({ length: 40 }, (_, index) => new Uint8Array(createHash('sha256').update(`leaf ${index}`).digest()));

/** RFC 9162 §2.1.3.1 PATH(m, D[n]), written out as the RFC recurses. */
function auditPath(m: number, tree: Uint8Array[]): Uint8Array[] {
  if (tree.length <= 1) return [];
  let k = 1;
  while (k * 2 < tree.length) k *= 2;
  return m < k ? [...auditPath(m, tree.slice(0, k)), rootOf(tree.slice(k))] : [...auditPath(m - k, tree.slice(k)), rootOf(tree.slice(0, k))];
}

function rawPublicKey(privateKey: ReturnType<typeof generateKeyPairSync>['privateKey']): Uint8Array {
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

describe("The console's audit checks (WebCrypto), against the ledger's verifier", () => {
  it('hashes a leaf as the verifier does', async () => {
    const entry = '{"data":{"text":"é \\u2028"},"position":1}';
    expect(hex(await leafHashOf(entry))).toBe(hex(leafHash(entry)));
  });

  it('folds every audit path of trees of 1 to 40 leaves to the root, and no tampered one', async () => {
    for (let size = 1; size <= 40; size += 1) {
      const tree = leaves.slice(0, size);
      const root = hex(rootOf(tree));
      for (let index = 0; index < size; index += 1) {
        const path = auditPath(index, tree);
        expect(hex(await rootFromAuditPath(index, size, tree[index] as Uint8Array, path))).toBe(root);
        if (path.length > 0) {
          const tampered = path.map((hash, at) => (at === path.length - 1 ? Uint8Array.from(hash, (byte, i) => (i === 0 ? byte ^ 1 : byte)) : hash));
          expect(hex(await rootFromAuditPath(index, size, tree[index] as Uint8Array, tampered))).not.toBe(root);
          expect(await rootFromAuditPath(index, size, tree[index] as Uint8Array, path.slice(1))).not.toEqual(
            await rootFromAuditPath(index, size, tree[index] as Uint8Array, path),
          );
        }
      }
    }
    expect(await rootFromAuditPath(3, 3, leaves[0] as Uint8Array, [])).toBeNull();
  });

  it('accepts a checkpoint signed by the published key, and neither another key nor altered text', async () => {
    // A key whose base64 holds a '+', as about one in six do: the verifier key's separator.
    const verifierKeyOf = (key: typeof privateKey): string => formatVerifierKey('example.org/concord-ledger', rawPublicKey(key));
    let privateKey = generateKeyPairSync('ed25519').privateKey;
    while (verifierKeyOf(privateKey).split('+').length < 4) privateKey = generateKeyPairSync('ed25519').privateKey;
    const other = generateKeyPairSync('ed25519').privateKey;
    const text = formatCheckpointText({ origin: 'example.org/concord-ledger', size: 40, rootHash: rootOf(leaves) });
    const note = signNote(text, { name: 'example.org/concord-ledger', privateKey });
    const key = verifierKeyOf(privateKey);
    const otherKey = verifierKeyOf(other);

    const checkpoint = parseSignedCheckpoint(note);
    expect(checkpoint).toMatchObject({ origin: 'example.org/concord-ledger', treeSize: 40, text });
    expect(hex(checkpoint.rootHash)).toBe(hex(rootOf(leaves)));
    expect(await signedBy(checkpoint, key)).toBe(true);
    expect(await signedBy(checkpoint, otherKey)).toBe(false);
    expect(await signedBy(parseSignedCheckpoint(note.replace('\n40\n', '\n41\n')), key)).toBe(false);
    expect(() => parseSignedCheckpoint(text)).toThrow(/signed note/);
  });

  it('says a key whose hash does not match its name and key bytes, the algorithm byte included, is no verifier key', async () => {
    const publicKey = rawPublicKey(generateKeyPairSync('ed25519').privateKey);
    const key = formatVerifierKey('example.org/concord-ledger', publicKey);
    const [name, hash, ...rest] = key.split('+');
    const encoded = rest.join('+');
    const otherBytes = Buffer.from(encoded, 'base64');
    otherBytes[9] = (otherBytes[9] ?? 0) ^ 0x80;
    expect(await verifierKeyProblem(key)).toBeNull();
    expect(await verifierKeyProblem(`${name}+${(hash ?? '').toUpperCase()}+${encoded}`)).toBeNull();
    expect(await verifierKeyProblem(`${name}.org+${hash}+${encoded}`)).toBe(`its key hash ${hash} does not match its name and key`);
    expect(await verifierKeyProblem(`${name}+${hash}+${otherBytes.toString('base64')}`)).toBe(`its key hash ${hash} does not match its name and key`);
    expect(await verifierKeyProblem(`${name}+00000000+${encoded}`)).toMatch(/^its key hash 00000000 does not match/);
    // Another algorithm byte, its hash made over it: well hashed, but not an Ed25519 key.
    const otherAlgorithm = Uint8Array.of(0x02, ...publicKey);
    const otherHash = createHash('sha256').update(`${name}\n`).update(otherAlgorithm).digest().subarray(0, 4).toString('hex');
    expect(await verifierKeyProblem(`${name}+${otherHash}+${Buffer.from(otherAlgorithm).toString('base64')}`)).toBe('its key is not an Ed25519 key');
  });

  it("proves an event's inclusion only at the position asked for, whatever index or entry the server gives", async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const entries = Array.from({ length: 7 }, (_, index) => `{"position":${index + 1},"type":"StatementRecorded"}`);
    const tree = entries.map((entry) => leafHash(entry));
    const checkpoint = parseSignedCheckpoint(
      signNote(formatCheckpointText({ origin: 'example.org/log', size: 7, rootHash: rootOf(tree) }), { name: 'example.org/log', privateKey }),
    );
    const answerFor = (index: number) => ({
      position: index + 1,
      leafIndex: index,
      treeSize: 7,
      entry: entries[index] as string,
      leafHash: Buffer.from(tree[index] as Uint8Array).toString('base64'),
      auditPath: auditPath(index, tree).map((hash) => Buffer.from(hash).toString('base64')),
    });
    expect(await checkInclusion(4, checkpoint, answerFor(3))).toEqual({ leafMatches: true, included: true });
    // A server asked for event 4 that answers with event 6's valid proof proves nothing about event 4.
    expect(await checkInclusion(4, checkpoint, answerFor(5))).toEqual({ leafMatches: true, included: false });
    expect(await checkInclusion(4, checkpoint, { ...answerFor(5), position: 4, leafIndex: 3 })).toEqual({ leafMatches: true, included: false });
    expect(await checkInclusion(4, checkpoint, { ...answerFor(3), entry: 'not json' })).toEqual({ leafMatches: false, included: false });
    const key = formatVerifierKey('example.org/log', rawPublicKey(privateKey));
    expect(await signerOf(checkpoint, ['example.org/log+00000000+@@@', key])).toBe(key);
    expect(await signerOf(checkpoint, ['nonsense'])).toBeNull();
  });
});
