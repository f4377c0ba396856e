// C2SP transparency log checkpoints (c2sp.org/tlog-checkpoint): the text of a signed note that
// states a log's tree head.
//
//   <origin>\n<tree size in decimal>\n<base64 root hash>\n[<extension line>\n ...]
import { decodeBase64, encodeBase64, isHash } from './bytes';
import { verifyNote } from './note';
import type { VerifierKey } from './keys';

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  extensions: string[];
}

/** Reads the text of a checkpoint note (the text verifyNote returns, not the signed note). Throws CheckpointError. */
export function parseCheckpoint(noteText: string): Checkpoint {
  if (typeof noteText !== 'string' || !noteText.endsWith('\n')) throw new CheckpointError('checkpoint text must end with a newline');
  const lines = noteText.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === undefined || sizeText === undefined || rootText === undefined) throw new CheckpointError('a checkpoint has at least three lines');
  if (origin === '') throw new CheckpointError('checkpoint origin is empty');
  // Decimal, no sign, no leading zeros (except the size 0 itself).
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new CheckpointError(`checkpoint size ${JSON.stringify(sizeText)} is not a canonical decimal`);
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new CheckpointError(`checkpoint size ${sizeText} is larger than this verifier can count exactly`);
  const rootHash = decodeBase64(rootText);
  if (rootHash === undefined || !isHash(rootHash)) throw new CheckpointError('checkpoint root hash is not canonical base64 of 32 bytes');
  if (extensions.includes('')) throw new CheckpointError('checkpoint has an empty line (given a whole signed note? pass the text verifyNote returns)');
  return { origin, size, rootHash, extensions };
}

/** The text of a checkpoint note, ready for signNote. */
export function formatCheckpointText({
  origin,
  size,
  rootHash,
  extensions = [],
}: {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  extensions?: readonly string[];
}): string {
  if (typeof origin !== 'string' || origin === '' || origin.includes('\n')) throw new CheckpointError('checkpoint origin must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw new CheckpointError('checkpoint size must be a non-negative safe integer');
  if (!isHash(rootHash)) throw new CheckpointError('checkpoint root hash must be 32 bytes');
  if (extensions.some((line) => typeof line !== 'string' || line === '' || line.includes('\n')))
    throw new CheckpointError('extension lines must be non-empty single lines');
  return [origin, String(size), encodeBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/** verifyNote, then parseCheckpoint of its text: a checkpoint signed by at least one of the given keys. */
export function verifyCheckpoint(note: string | Uint8Array, verifierKeys: readonly (string | VerifierKey)[]): Checkpoint & { verifiedBy: string[] } {
  const { text, verifiedBy } = verifyNote(note, verifierKeys);
  return { ...parseCheckpoint(text), verifiedBy };
}
