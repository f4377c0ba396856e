import { generateKeyPairSync } from 'node:crypto';
import {
  CheckpointError,
  formatCheckpointText,
  formatVerifierKey,
  leafHash,
  NoteError,
  parseCheckpoint,
  parseSignedNote,
  signNote,
  TreeBuilder,
  verifyCheckpoint,
  verifyConsistency,
} from './index';

// The example checkpoint of the C2SP tlog-checkpoint spec (c2sp.org/tlog-checkpoint).
const C2SP_EXAMPLE =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
  '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
const ROOT = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64');

describe('checkpoints', () => {
  it("parses the spec's example", () => {
    const checkpoint = parseCheckpoint(parseSignedNote(C2SP_EXAMPLE).text);
    expect(checkpoint).toEqual({ origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: new Uint8Array(ROOT), extensions: [] });
    expect(formatCheckpointText(checkpoint)).toBe('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
  });

  it('round-trips, extension lines included', () => {
    const text = formatCheckpointText({ origin: 'ledger.example/kp', size: 0, rootHash: ROOT, extensions: ['ext one', '— two'] });
    expect(text).toBe(`ledger.example/kp\n0\n${ROOT.toString('base64')}\next one\n— two\n`);
    expect(parseCheckpoint(text)).toEqual({ origin: 'ledger.example/kp', size: 0, rootHash: new Uint8Array(ROOT), extensions: ['ext one', '— two'] });
    expect(parseCheckpoint(`o\n${Number.MAX_SAFE_INTEGER}\n${ROOT.toString('base64')}\n`).size).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses what the spec does not allow', () => {
    const root = ROOT.toString('base64');
    const refused = [
      `o\n1\n${root}`, // no final newline
      `o\n1\n`,
      `\n1\n${root}\n`,
      ...['00', '01', '-1', '+1', '1.0', ' 1', '1 ', '1e3', '0x10', '', String(2 ** 53)].map((size) => `o\n${size}\n${root}\n`),
      `o\n1\n${root.slice(0, -1)}\n`,
      `o\n1\n${Buffer.alloc(31).toString('base64')}\n`,
      `o\n1\n${Buffer.alloc(33).toString('base64')}\n`,
      `o\n1\n${ROOT.toString('base64url')}\n`,
      `o\n1\n${root}\n\n`,
      `o\n1\n${root}\next\n\nmore\n`,
      C2SP_EXAMPLE, // the signed note rather than its text
    ];
    for (const text of refused) expect(() => parseCheckpoint(text)).toThrow(CheckpointError);
    expect(() => parseCheckpoint(C2SP_EXAMPLE)).toThrow(/verifyNote/);
    expect(() => formatCheckpointText({ origin: '', size: 1, rootHash: ROOT })).toThrow(CheckpointError);
    expect(() => formatCheckpointText({ origin: 'a\nb', size: 1, rootHash: ROOT })).toThrow(CheckpointError);
    expect(() => formatCheckpointText({ origin: 'o', size: -1, rootHash: ROOT })).toThrow(CheckpointError);
    expect(() => formatCheckpointText({ origin: 'o', size: 1.5, rootHash: ROOT })).toThrow(CheckpointError);
    expect(() => formatCheckpointText({ origin: 'o', size: 1, rootHash: ROOT.subarray(1) })).toThrow(CheckpointError);
    expect(() => formatCheckpointText({ origin: 'o', size: 1, rootHash: ROOT, extensions: [''] })).toThrow(CheckpointError);
  });

  it('an auditor run: build the tree, check two signed checkpoints and the consistency between them', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const vkey = formatVerifierKey('ledger.example/kp', publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
    const builder = new TreeBuilder();
    const leaves: Uint8Array[] = [];
    const signedAt = new Map<number, string>();
    for (let i = 0; i < 13; i++) {
      const hash = leafHash(`{"seq":${i}}`);
      leaves.push(hash);
      builder.append(hash);
      if (builder.size === 6 || builder.size === 13) {
        const text = formatCheckpointText({ origin: 'ledger.example/kp', size: builder.size, rootHash: builder.root() });
        signedAt.set(builder.size, signNote(text, { name: 'ledger.example/kp', privateKey }));
      }
    }
    const old = verifyCheckpoint(signedAt.get(6) as string, [vkey]);
    const current = verifyCheckpoint(signedAt.get(13) as string, [vkey]);
    expect(old.verifiedBy).toEqual(['ledger.example/kp']);
    expect([old.size, current.size]).toEqual([6, 13]);
    expect(Buffer.from(current.rootHash).equals(Buffer.from(builder.root()))).toBe(true);
    // PROOF(6, D[13]), by hand from RFC 9162 §2.1.4.1: [MTH(D[4:6]), MTH(D[6:8]), MTH(D[0:4]), MTH(D[8:13])].
    const mth = (lo: number, hi: number): Uint8Array => {
      const partial = new TreeBuilder();
      leaves.slice(lo, hi).forEach((hash) => partial.append(hash));
      return partial.root();
    };
    const proof = [mth(4, 6), mth(6, 8), mth(0, 4), mth(8, 13)];
    expect(verifyConsistency({ fromSize: old.size, toSize: current.size, proof, fromRoot: old.rootHash, toRoot: current.rootHash })).toBe(true);
    expect(() => verifyCheckpoint(signedAt.get(6) as string, [])).toThrow(NoteError);
  });
});
