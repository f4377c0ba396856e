/**
 * What the audit page checks, in the browser, with WebCrypto only: a checkpoint's Ed25519
 * signature (C2SP signed-note) against a published verifier key, and one event's inclusion proof
 * (RFC 9162 §2.1.3.2) against the checkpoint's root. It trusts nothing the server computed: the
 * leaf is hashed here from the entry, and the root is folded here from the audit path.
 */

const utf8 = new TextEncoder();

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** SHA-256(0x00 || entry): the leaf of an event whose entry is this canonical JSON. */
export function leafHashOf(entry: string): Promise<Uint8Array> {
  return sha256(concat(Uint8Array.of(0), utf8.encode(entry)));
}

function nodeHashOf(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(Uint8Array.of(1), left, right));
}

/** The root an audit path leads to from a leaf, or null when the path cannot belong to a tree of that size. */
export async function rootFromAuditPath(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  auditPath: readonly Uint8Array[],
): Promise<Uint8Array | null> {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let root = leafHash;
  for (const sibling of auditPath) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      root = await nodeHashOf(sibling, root);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      root = await nodeHashOf(root, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? root : null;
}

export interface SignedCheckpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** The signed text: origin, size and root lines, each ending in a line feed. */
  readonly text: string;
  readonly signatures: readonly { readonly keyName: string; readonly keyHash: Uint8Array; readonly signature: Uint8Array<ArrayBuffer> }[];
}

/** A C2SP tlog-checkpoint in a signed note; throws on anything else. */
export function parseSignedCheckpoint(note: string): SignedCheckpoint {
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const [origin, size, root] = text.split('\n');
  if (!origin || !size || !/^[1-9][0-9]*$|^0$/.test(size) || !root) throw new Error('not a checkpoint: origin, size and root hash lines expected');
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      const match = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (!match) throw new Error(`not a signature line: ${line}`);
      const bytes = base64Bytes(match[2] as string);
      return { keyName: match[1] as string, keyHash: bytes.slice(0, 4), signature: bytes.slice(4) };
    });
  return { origin, treeSize: Number(size), rootHash: base64Bytes(root), text, signatures };
}

interface VerifierKey {
  readonly name: string;
  readonly keyHash: Uint8Array;
  readonly publicKey: Uint8Array<ArrayBuffer>;
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The parts of `<name>+<hex key hash>+<base64(0x01 || Ed25519 key)>`, or why it is not such a key.
 * The hash is checked first, as the CLI and Go's note package do: a key mistyped in its name or
 * its key bytes is no key, not a key that did not sign.
 */
async function parseVerifierKey(verifierKey: string): Promise<VerifierKey | string> {
  // The name and the hex hash hold no '+'; the base64 key may.
  const [name, hexHash, ...rest] = verifierKey.split('+');
  const encoded = rest.join('+');
  if (!name || !hexHash || !encoded) return 'it is not of the form name+hash+key';
  if (!/^[0-9a-fA-F]{8}$/.test(hexHash)) return 'its hash is not 8 hexadecimal digits';
  let keyBytes: Uint8Array<ArrayBuffer>;
  try {
    keyBytes = base64Bytes(encoded);
  } catch {
    return 'its key is not base64';
  }
  // The key hash is the first four bytes of SHA-256(name || 0x0A || key bytes), the algorithm byte (0x01) included.
  const keyHash = (await sha256(concat(utf8.encode(name), Uint8Array.of(0x0a), keyBytes))).slice(0, 4);
  if (hexOf(keyHash) !== hexHash.toLowerCase()) return `its key hash ${hexHash} does not match its name and key`;
  if (keyBytes.length !== 33 || keyBytes[0] !== 1) return 'its key is not an Ed25519 key';
  return { name, keyHash, publicKey: keyBytes.slice(1) };
}

/** Why `verifierKey` is not a verifier key this page can check a signature with, or null when it is one. */
export async function verifierKeyProblem(verifierKey: string): Promise<string | null> {
  const parsed = await parseVerifierKey(verifierKey);
  return typeof parsed === 'string' ? parsed : null;
}

/** Whether the checkpoint carries a valid Ed25519 signature by the key `<name>+<hex key hash>+<base64(0x01 || key)>`. */
export async function signedBy(checkpoint: SignedCheckpoint, verifierKey: string): Promise<boolean> {
  const parsed = await parseVerifierKey(verifierKey);
  if (typeof parsed === 'string') return false;
  const { name, keyHash, publicKey } = parsed;
  const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  for (const line of checkpoint.signatures) {
    if (line.keyName !== name || !sameBytes(line.keyHash, keyHash) || line.signature.length !== 64) continue;
    if (await crypto.subtle.verify('Ed25519', key, line.signature, utf8.encode(checkpoint.text))) return true;
  }
  return false;
}

/** An inclusion proof as the ledger answers it. */
export interface InclusionAnswer {
  readonly position: number;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly entry: string;
  readonly leafHash: string;
  readonly auditPath: readonly string[];
}

/**
 * Whether the answer proves that the event at `position` is in the checkpoint's tree. Nothing the
 * server says is taken on trust: the leaf index comes from the position asked for, the entry must
 * name that position, the leaf is hashed here and the path folded here to the signed root.
 */
export async function checkInclusion(
  position: number,
  checkpoint: SignedCheckpoint,
  answer: InclusionAnswer,
): Promise<{ readonly leafMatches: boolean; readonly included: boolean }> {
  const leaf = await leafHashOf(answer.entry);
  const leafMatches = sameBytes(leaf, base64Bytes(answer.leafHash));
  let entryPosition: unknown;
  try {
    entryPosition = (JSON.parse(answer.entry) as { position?: unknown }).position;
  } catch {
    return { leafMatches, included: false };
  }
  if (entryPosition !== position || answer.leafIndex !== position - 1) return { leafMatches, included: false };
  const root = await rootFromAuditPath(position - 1, checkpoint.treeSize, leaf, answer.auditPath.map(base64Bytes));
  return { leafMatches, included: root !== null && sameBytes(root, checkpoint.rootHash) };
}

/** Whether any of these verifier keys signed the checkpoint, and which; a key that cannot be read is skipped. */
export async function signerOf(checkpoint: SignedCheckpoint, verifierKeys: readonly string[]): Promise<string | null> {
  for (const key of verifierKeys) {
    try {
      if (await signedBy(checkpoint, key)) return key;
    } catch {
      // Not a key this page can read (bad base64, not Ed25519): it signed nothing here.
    }
  }
  return null;
}
