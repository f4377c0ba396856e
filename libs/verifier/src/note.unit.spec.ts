import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { formatVerifierKey, keyHash, NoteError, parseSignedNote, parseVerifierKey, signNote, VerifierKeyError, verifyNote } from './index';

// ---------------------------------------------------------------------------------------------
// Test vectors from Go's golang.org/x/mod/sumdb/note, file note_test.go (TestNewVerifier,
// TestNewSigner, TestSign, TestOpen) and the package documentation in note.go.
// ---------------------------------------------------------------------------------------------
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

// The example note of the C2SP signed-note spec (c2sp.org/signed-note): its text has a blank line of its own.
const C2SP_EXAMPLE =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
  '— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';

/** Go's `s[:i] + insert + s[i:]`, i counted in UTF-8 bytes as Go counts it. */
function spliceBytes(text: string, byteIndex: number, insert: string): string {
  const bytes = Buffer.from(text);
  return Buffer.concat([bytes.subarray(0, byteIndex), Buffer.from(insert), bytes.subarray(byteIndex)]).toString();
}

/** A Go signer key "PRIVATE+KEY+<name>+<hash>+base64(0x01 || seed)" as a node:crypto private key (PKCS #8 DER). */
function privateKeyFromGoSignerKey(skey: string): KeyObject {
  const encoded = Buffer.from(skey.split('+').slice(4).join('+'), 'base64');
  expect(encoded[0]).toBe(0x01);
  return createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), encoded.subarray(1)]), format: 'der', type: 'pkcs8' });
}

function freshKey(name: string): { privateKey: KeyObject; publicKey: Uint8Array; vkey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
  return { privateKey, publicKey: raw, vkey: formatVerifierKey(name, raw) };
}

describe('verifier keys', () => {
  it("parses and re-formats Go's PeterNeumann key", () => {
    const key = parseVerifierKey(PETER_VKEY);
    expect(key.name).toBe('PeterNeumann');
    expect(key.keyHash).toBe(0xc74f20a3);
    expect(key.publicKey).toHaveLength(32);
    expect(keyHash(key.name, key.publicKey)).toBe(0xc74f20a3);
    expect(formatVerifierKey(key.name, key.publicKey)).toBe(PETER_VKEY);
    expect(parseVerifierKey(ENOCH_VKEY).keyHash).toBe(0xaf0cfe78);
    // Go's strconv.ParseUint reads upper-case hex too.
    expect(parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'C74F20A3')).keyHash).toBe(0xc74f20a3);
  });

  it('refuses every substring and every one-character change of the key, as Go does (TestNewVerifier)', () => {
    const accepted: string[] = [];
    const tryKey = (text: string): void => {
      try {
        parseVerifierKey(text);
        accepted.push(text);
      } catch (error) {
        if (!(error instanceof VerifierKeyError)) throw error;
      }
    };
    for (let i = 0; i <= PETER_VKEY.length; i++)
      for (let j = i + 1; j <= PETER_VKEY.length; j++) if (i !== 0 || j !== PETER_VKEY.length) tryKey(PETER_VKEY.slice(i, j));
    for (let i = 0; i < PETER_VKEY.length; i++) tryKey(PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1));
    // Go's two hand-made cases: a 37-byte key and an unknown algorithm, both with their hash adjusted.
    tryKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==');
    tryKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
    expect(accepted).toEqual([]);
    expect(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/algorithm/);
  });

  it('says which rule a key breaks', () => {
    const pk = parseVerifierKey(PETER_VKEY).publicKey;
    const withHash = (name: string, encoded: Uint8Array): string => {
      // Builds <name>+<hash>+<key> with a correct hash over whatever the key bytes are.
      const hash = createHash('sha256').update(`${name}\n`).update(encoded).digest().readUInt32BE(0);
      return `${name}+${hash.toString(16).padStart(8, '0')}+${Buffer.from(encoded).toString('base64')}`;
    };
    expect(() => parseVerifierKey(withHash('n', Uint8Array.of(1, ...pk.subarray(1))))).toThrow(/32 bytes/);
    expect(() => parseVerifierKey(withHash('n', Uint8Array.of(2, ...pk)))).toThrow(/algorithm 2/);
    expect(parseVerifierKey(withHash('n', Uint8Array.of(1, ...pk))).name).toBe('n');
    expect(() => parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(/does not match/);
    expect(() => parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'c74f20a'))).toThrow(/8 hex digits/);
    expect(() => parseVerifierKey(`${PETER_VKEY}=`)).toThrow(/base64/);
    expect(() => parseVerifierKey('PeterNeumann')).toThrow(/<name>\+<hash>\+<key>/);
    for (const name of ['', 'a b', 'a\tb', 'a\u0085b', 'a\u00a0b', 'a\u2003b', 'a\u3000b', 'a\u2028b', '\ud800']) {
      expect(() => formatVerifierKey(name, pk)).toThrow(VerifierKeyError);
    }
    expect(() => formatVerifierKey('a+b', pk)).toThrow(/invalid key name/);
    expect(() => keyHash('n', pk.subarray(1))).toThrow(/32 bytes/);
    // U+FEFF is not a Unicode space (JavaScript's \s says it is; Go's unicode.IsSpace does not).
    expect(parseVerifierKey(formatVerifierKey('a\ufeffb', pk)).name).toBe('a\ufeffb');
  });
});

describe('signed notes', () => {
  const peterKey = privateKeyFromGoSignerKey(PETER_SKEY);

  it("signs exactly as Go's TestSign expects, with the PeterNeumann signer key", () => {
    // The signer key's public half is the PeterNeumann verifier key.
    const { x } = createPublicKey(peterKey).export({ format: 'jwk' });
    expect(formatVerifierKey('PeterNeumann', Buffer.from(String(x), 'base64url'))).toBe(PETER_VKEY);
    // Ed25519 signatures are deterministic, so the signed note is byte for byte Go's.
    expect(signNote(TEXT, { name: 'PeterNeumann', privateKey: peterKey })).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it("opens Go's signed note (TestOpen, and the package documentation's example)", () => {
    expect(verifyNote(`${TEXT}\n${PETER_SIG}`, [PETER_VKEY])).toEqual({ text: TEXT, verifiedBy: ['PeterNeumann'] });
    expect(verifyNote(Buffer.from(`${TEXT}\n${PETER_SIG}`), [parseVerifierKey(PETER_VKEY)])).toEqual({ text: TEXT, verifiedBy: ['PeterNeumann'] });
    // One known, one unknown signature: the unknown one is ignored.
    expect(verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [PETER_VKEY]).verifiedBy).toEqual(['PeterNeumann']);
    expect(verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [PETER_VKEY, ENOCH_VKEY]).verifiedBy).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [ENOCH_VKEY, PETER_VKEY, ENOCH_VKEY]).verifiedBy).toEqual(['PeterNeumann', 'EnochRoot']);
    // No known key at all.
    expect(() => verifyNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [])).toThrow(/no verifiable signatures/);
    // Repeated signatures, and an unknown key's garbled one, are fine.
    const repeated = `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${spliceBytes(ENOCH_SIG, 60, 'ABCD')}`;
    expect(verifyNote(repeated, [PETER_VKEY]).verifiedBy).toEqual(['PeterNeumann']);
    // A known key's garbled signature is an error.
    expect(() => verifyNote(`${TEXT}\n${spliceBytes(PETER_SIG, 60, 'ABCD')}`, [PETER_VKEY])).toThrow(/invalid signature for key PeterNeumann\+c74f20a3/);
    // A changed key hash makes the signature unknown, not invalid.
    expect(() => verifyNote(`${TEXT}\n${PETER_SIG.replace('x08g', 'xxxx')}`, [PETER_VKEY])).toThrow(/no verifiable signatures/);
    expect(() => verifyNote(`${TEXT}\n${PETER_SIG.replace('PeterNeumann', 'CarmenSandiego')}`, [PETER_VKEY])).toThrow(/no verifiable signatures/);
  });

  it("refuses Go's malformed notes (TestOpen's badMsgs) and more", () => {
    const malformed: (string | Uint8Array)[] = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\x01${TEXT}\n${PETER_SIG}`,
      Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`)]),
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n${PETER_SIG.repeat(101)}`,
      // and these:
      `${TEXT}\n${PETER_SIG.replace('—', '-')}`,
      `${TEXT}\n${PETER_SIG.replace('— ', '—')}`,
      `${TEXT}\n${PETER_SIG.replace('PeterNeumann', 'Peter+Neumann')}`,
      `${TEXT}\n${PETER_SIG.replace(' x08', '  x08')}`,
      `${TEXT}\n${PETER_SIG.replace('AM=\n', 'AM\n')}`, // unpadded
      `${TEXT}\n${PETER_SIG.replace('AM=\n', 'AN=\n')}`, // non-zero pad bits: not the canonical spelling
      `${TEXT}\n${PETER_SIG.replace('=\n', '=\r\n')}`,
      `${TEXT}\n— PeterNeumann\n`,
      `${TEXT}\n— PeterNeumann \n`,
      `${TEXT}\n— PeterNeumann x08gow==\n`, // the key hash and no signature
      `${TEXT.replace('problem,', 'problem,\t')}\n${PETER_SIG}`,
      `${TEXT}\ud800\n\n${PETER_SIG}`,
      Buffer.from([0x68, 0x69, 0x0a, 0x0a, 0xe2, 0x80]),
    ];
    const outcomes = malformed.map((note, i) => {
      try {
        verifyNote(note, [PETER_VKEY]);
        return `${i}: accepted`;
      } catch (error) {
        return `${i}: ${error instanceof NoteError && /^malformed note/.test(error.message) ? 'malformed' : String(error)}`;
      }
    });
    expect(outcomes).toEqual(malformed.map((_, i) => `${i}: malformed`));
    expect(verifyNote(`${TEXT}\n${PETER_SIG.repeat(100)}`, [PETER_VKEY]).verifiedBy).toEqual(['PeterNeumann']);
  });

  it('parses the signature lines, splitting the text at the last blank line', () => {
    const note = parseSignedNote(C2SP_EXAMPLE);
    expect(note.text).toBe('Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n');
    expect(note.signatures).toHaveLength(1);
    expect(note.signatures[0]?.name).toBe('quasimodo.example/salvatore');
    expect(note.signatures[0]?.signature).toHaveLength(64);
    const go = parseSignedNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`);
    expect(go.signatures.map(({ name, keyHash: hash }) => [name, hash])).toEqual([
      ['PeterNeumann', 0xc74f20a3],
      ['EnochRoot', 0xaf0cfe78],
    ]);
  });

  it('round-trips with fresh keys, one signer or several', () => {
    const a = freshKey('log.example/a');
    const b = freshKey('witness.example/b');
    const text = 'log.example/a\n7\nAAAA\n\nwith a blank line inside\n';
    const one = signNote(text, { name: 'log.example/a', privateKey: a.privateKey });
    expect(verifyNote(one, [a.vkey])).toEqual({ text, verifiedBy: ['log.example/a'] });
    const both = signNote(text, [
      { name: 'log.example/a', privateKey: a.privateKey },
      { name: 'witness.example/b', privateKey: b.privateKey },
    ]);
    expect(verifyNote(both, [b.vkey, a.vkey]).verifiedBy).toEqual(['log.example/a', 'witness.example/b']);
    expect(verifyNote(both, [{ name: 'witness.example/b', keyHash: keyHash('witness.example/b', b.publicKey), publicKey: b.publicKey }]).verifiedBy).toEqual([
      'witness.example/b',
    ]);
  });

  it('refuses a modified text, a wrong key, and a signature by another key under a known key hash', () => {
    const a = freshKey('log.example/a');
    const other = freshKey('log.example/a');
    const note = signNote('hello\n', { name: 'log.example/a', privateKey: a.privateKey });
    expect(() => verifyNote(note.replace('hello', 'hellp'), [a.vkey])).toThrow(/invalid signature for key log\.example\/a\+/);
    expect(() => verifyNote(note, [other.vkey])).toThrow(/no verifiable signatures/); // same name, other key hash: unknown
    // The known key's hash in front of a signature made by another key.
    const hash = Buffer.alloc(4);
    hash.writeUInt32BE(keyHash('log.example/a', a.publicKey));
    const forged = `hello\n\n— log.example/a ${Buffer.concat([hash, sign(null, Buffer.from('hello\n'), other.privateKey)]).toString('base64')}\n`;
    expect(() => verifyNote(forged, [a.vkey])).toThrow(/invalid signature/);
    // A parsed key whose hash does not match its name and key is refused.
    expect(() => verifyNote(note, [{ name: 'log.example/a', keyHash: 1, publicKey: a.publicKey }])).toThrow(VerifierKeyError);
  });

  it('will not sign what it could not parse back', () => {
    const { privateKey } = freshKey('n');
    expect(() => signNote('no newline', { name: 'n', privateKey })).toThrow(NoteError);
    expect(() => signNote('tab\there\n', { name: 'n', privateKey })).toThrow(NoteError);
    expect(() => signNote('ok\n', { name: 'bad name', privateKey })).toThrow(VerifierKeyError);
    expect(() => signNote('ok\n', [])).toThrow(NoteError);
    const { publicKey } = generateKeyPairSync('ed25519');
    expect(() => signNote('ok\n', { name: 'n', privateKey: publicKey })).toThrow(VerifierKeyError);
    const { privateKey: ecKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => signNote('ok\n', { name: 'n', privateKey: ecKey })).toThrow(VerifierKeyError);
  });
});
