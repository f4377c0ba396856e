import { leafHash, parseCheckpoint, verifyConsistency, verifyInclusion, verifyNote } from '@concord/verifier';
import { UsageError } from '../../cli-arguments';
import { readNamedFile } from '../../named-file';
import { Finding } from '../../finding';
import { readCheckpointFile } from './checkpoint-note';
import { Report } from '../status-command';

interface SignedTree {
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly signedBy: string;
}

/** A checkpoint file as given, its form checked, its signature not yet. */
interface CheckpointNote {
  readonly file: string;
  readonly note: string;
}

type Proof = Record<string, unknown>;
type ProofKind = 'inclusion' | 'consistency';

function signedTree({ file, note }: CheckpointNote, keys: readonly string[]): SignedTree {
  try {
    const { text, verifiedBy } = verifyNote(note, [...keys]);
    const { size, rootHash } = parseCheckpoint(text);
    return { size, rootHash, signedBy: verifiedBy.join(', ') };
  } catch (error) {
    throw new Finding(`${file} is not signed by a key given with --key: ${(error as Error).message}`);
  }
}

const bytes = (value: unknown, what: string): Uint8Array => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new Finding(`the proof's ${what} is not base64`);
  return new Uint8Array(Buffer.from(value, 'base64'));
};

const hashes = (value: unknown, what: string): Uint8Array[] => {
  if (!Array.isArray(value)) throw new Finding(`the proof has no ${what} list`);
  return value.map((hash) => bytes(hash, what));
};

function readProof(proofFile: string): Proof {
  const text = readNamedFile(proofFile, 'the proof file');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Finding(`${proofFile} is not JSON`);
  }
  // `null`, a number or a list is JSON but no proof: said as plainly as a file that is not JSON.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Finding(`${proofFile} is not a proof: a proof is a JSON object`);
  return parsed as Proof;
}

function proofKind(proof: Proof): ProofKind | undefined {
  if (Array.isArray(proof['auditPath'])) return 'inclusion';
  if (Array.isArray(proof['proof'])) return 'consistency';
  return undefined;
}

/**
 * The checkpoints a proof of this kind is checked against, their form checked: a mistake in them is
 * bad usage (exit 2), and is said before any signature is, since a signature that fails would
 * otherwise hide it behind a finding about the log (exit 1).
 */
function checkpointsFor(
  kind: ProofKind | undefined,
  checkpointFile: string,
  oldCheckpointFile: string | undefined,
): { readonly checkpoint: CheckpointNote; readonly oldCheckpoint?: CheckpointNote } {
  if (kind === 'inclusion' && oldCheckpointFile !== undefined)
    throw new UsageError(
      'an inclusion proof is checked against the one checkpoint of its tree size (--checkpoint); --old-checkpoint is for a consistency proof',
    );
  if (kind === 'consistency' && oldCheckpointFile === undefined)
    throw new UsageError(
      'a consistency proof needs --old-checkpoint: it is checked between the checkpoint saved earlier (--old-checkpoint) and a later one (--checkpoint)',
    );
  const note = (file: string, option: string): CheckpointNote => ({ file, note: readCheckpointFile(file, option) });
  const checkpoint = note(checkpointFile, '--checkpoint');
  return oldCheckpointFile === undefined ? { checkpoint } : { checkpoint, oldCheckpoint: note(oldCheckpointFile, '--old-checkpoint') };
}

/**
 * Checks a proof as `GET /v1/audit/proofs/…` or `concord prove` gave it, offline: an inclusion
 * proof against a signed checkpoint of its tree size, or a consistency proof between the
 * checkpoint an auditor saved earlier and a later one.
 */
export function checkProof(proofFile: string, checkpointFile: string, keys: readonly string[], oldCheckpointFile: string | undefined): Report {
  const proof = readProof(proofFile);
  const kind = proofKind(proof);
  const { checkpoint, oldCheckpoint } = checkpointsFor(kind, checkpointFile, oldCheckpointFile);
  if (kind === undefined) throw new Finding(`${proofFile} is neither an inclusion proof (auditPath) nor a consistency proof (proof)`);
  const tree = signedTree(checkpoint, keys);
  // checkpointsFor has matched the checkpoints to the proof: an earlier one comes with a consistency proof only.
  return oldCheckpoint === undefined ? checkInclusion(proof, tree) : checkConsistency(proof, signedTree(oldCheckpoint, keys), tree);
}

function checkInclusion(proof: Proof, tree: SignedTree): Report {
  const { position, treeSize, entry, leafIndex } = proof;
  // Each part said by name: a proof cut or edited by hand must not read as one for another tree.
  if (typeof entry !== 'string') throw new Finding("the inclusion proof has no entry: the event's text, as hashed, is its entry");
  if (!Number.isSafeInteger(position) || (position as number) < 1)
    throw new Finding(`the inclusion proof's position ${JSON.stringify(position)} is not a position (1 or more)`);
  if (treeSize !== tree.size) throw new Finding(`the inclusion proof is for a tree of ${String(treeSize)} events; the checkpoint signs ${tree.size}`);
  // RFC 9162 tools read leafIndex; a proof whose two names for the leaf disagree proves nothing either way.
  if (leafIndex !== undefined && leafIndex !== (position as number) - 1) {
    throw new Finding(`the proof contradicts itself: leafIndex ${String(leafIndex)} is not position ${String(position)} - 1`);
  }
  const leaf = leafHash(entry);
  if (!Buffer.from(leaf).equals(Buffer.from(bytes(proof['leafHash'], 'leafHash')))) throw new Finding("the proof's leafHash is not the hash of its entry");
  if (entryPosition(entry) !== position) throw new Finding(`the proof's entry is not the event at position ${String(position)}`);
  const included = verifyInclusion({
    leafHash: leaf,
    leafIndex: (position as number) - 1,
    treeSize: tree.size,
    auditPath: hashes(proof['auditPath'], 'auditPath'),
    rootHash: tree.rootHash,
  });
  if (!included) throw new Finding(`the event is NOT proven to be at position ${String(position)} of the log signed at ${tree.size} events`);
  return {
    text: `the event at position ${String(position)} is in the log of ${tree.size} events signed by ${tree.signedBy}`,
    json: { verified: true, position, treeSize: tree.size },
  };
}

function checkConsistency(proof: Proof, old: SignedTree, tree: SignedTree): Report {
  if (proof['from'] !== old.size || proof['to'] !== tree.size) {
    throw new Finding(`the proof goes from ${String(proof['from'])} to ${String(proof['to'])} events; the checkpoints sign ${old.size} and ${tree.size}`);
  }
  const consistent = verifyConsistency({
    fromSize: old.size,
    toSize: tree.size,
    proof: hashes(proof['proof'], 'proof'),
    fromRoot: old.rootHash,
    toRoot: tree.rootHash,
  });
  if (!consistent) throw new Finding(`the log of ${tree.size} events is NOT proven to extend the one of ${old.size}: a rollback or a fork`);
  return { text: `the log of ${tree.size} events extends the one of ${old.size} unchanged`, json: { verified: true, from: old.size, to: tree.size } };
}

/** The position an inclusion proof's entry gives itself; none for an entry that is no JSON object. */
function entryPosition(entry: string): unknown {
  try {
    const parsed: unknown = JSON.parse(entry);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { position?: unknown }).position : undefined;
  } catch {
    return undefined;
  }
}
