import { EventStore } from '@concord/event-store';
import { leafHash, ledgerEntry, parseCheckpoint, parseSignedNote } from '@concord/verifier';
import { assertCheckpointAsSigned } from './altered-checkpoint';
import { CheckpointInconsistentError } from './checkpointer';
import { LogTree } from './log-tree';
import { PublishedKey, StoredCheckpoint, TransparencyStore } from './transparency-store.port';

export type ProofRefusal = 'checkpoint-not-found' | 'tree-size-not-signed' | 'position-beyond-tree';

/** A proof or checkpoint that cannot be given; `code` is the API's error code for it. */
export class ProofRefusedError extends Error {
  override readonly name = 'ProofRefusedError';
  constructor(
    readonly code: ProofRefusal,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export interface CheckpointView {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly note: string;
  readonly keyName: string;
  readonly signedAt: string;
}

export interface InclusionProofView {
  readonly position: number;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** The exact string hashed into the leaf: the event as stored, as RFC 8785 canonical JSON. */
  readonly entry: string;
  readonly leafHash: string;
  readonly auditPath: string[];
}

export interface ConsistencyProofView {
  readonly from: number;
  readonly to: number;
  readonly proof: string[];
}

const base64 = (hash: Uint8Array): string => Buffer.from(hash).toString('base64');

export function checkpointView(checkpoint: StoredCheckpoint): CheckpointView {
  const { treeSize, rootHash, note, keyName, signedAt } = checkpoint;
  return { treeSize, rootHash: base64(rootHash), note, keyName, signedAt };
}

/**
 * What auditors ask of the transparency log. Proofs are given for tree sizes up to the latest
 * checkpoint only: a size nobody signed proves nothing to an auditor, who checks a proof against
 * a signed root.
 */
export class AuditProofs {
  /**
   * `inconsistentBecause`: why this instance finds the checkpoints stored are not those it signed
   * (replaced, removed, an older copy restored). It then vouches for none: the checkpoint stored
   * may be one signed by a key written into the store, and a proof of it would lend that the
   * ledger's word.
   */
  constructor(
    private readonly store: EventStore,
    private readonly tree: LogTree,
    private readonly transparency: TransparencyStore,
    private readonly inconsistentBecause: () => Promise<CheckpointInconsistentError | undefined> = async () => undefined,
  ) {}

  async latest(): Promise<StoredCheckpoint> {
    await this.requireConsistent();
    const latest = await this.transparency.latestCheckpoint();
    if (latest !== undefined) assertCheckpointAsSigned(latest);
    // None stored: none signed yet, or signing refused (the log changed under a checkpoint signed before); the signing request says which.
    if (!latest)
      throw new ProofRefusedError(
        'checkpoint-not-found',
        'no checkpoint is stored: none was signed yet (the tree may still be being computed from the log), or signing is refused; POST /v1/audit/checkpoints says which',
      );
    return latest;
  }

  async checkpoints(fromSize: number, limit: number): Promise<{ checkpoints: CheckpointView[] }> {
    await this.requireConsistent();
    return { checkpoints: (await this.transparency.checkpoints(fromSize, limit)).map(checkpointView) };
  }

  async keys(): Promise<{ keys: PublishedKey[] }> {
    return { keys: await this.transparency.publishedKeys() };
  }

  async inclusion(position: number, requestedSize: number | undefined): Promise<InclusionProofView> {
    const treeSize = await this.signedSize(requestedSize);
    if (position > treeSize) {
      throw new ProofRefusedError('position-beyond-tree', `position ${position} is not in the tree of ${treeSize} leaves`, { position, treeSize });
    }
    const [event] = await this.store.readAll({ after: position - 1, limit: 1 });
    // The tree holds a leaf there: a log without the event lost it after it was recorded.
    if (!event || event.position !== position)
      throw new CheckpointInconsistentError(
        `the tree of ${treeSize} leaves holds position ${position} but the log has no event there: events were removed after they were recorded (run concord verify)`,
      );
    // The proof leads from the leaf the tree holds: an event that no longer hashes to it was changed after it was recorded.
    if (!(await this.tree.leafMatches(event)))
      throw new CheckpointInconsistentError(
        `the event at position ${position} no longer hashes to the leaf the tree holds for it: it was changed after it was recorded (run concord verify)`,
      );
    const entry = ledgerEntry(event);
    const auditPath = await this.tree.inclusionProof(position - 1, treeSize);
    return { position, leafIndex: position - 1, treeSize, entry, leafHash: base64(leafHash(entry)), auditPath: auditPath.map(base64) };
  }

  async consistency(from: number, to: number): Promise<ConsistencyProofView> {
    if (from > to) throw new RangeError(`from (${from}) must not exceed to (${to})`);
    await this.signedSize(to);
    return { from, to, proof: (await this.tree.consistencyProof(from, to)).map(base64) };
  }

  private async requireConsistent(): Promise<void> {
    const inconsistency = await this.inconsistentBecause();
    if (inconsistency === undefined) return;
    const because = (reason: string) =>
      `this instance found the log or its checkpoints are no longer those it signed, so it serves no checkpoint or proof of them until an operator deals with it (concord verify says where): ${reason}`;
    throw new CheckpointInconsistentError(because(inconsistency.message), because(inconsistency.answered));
  }

  /**
   * The tree must still hash, at the latest checkpoint's size, to the root its signed note names
   * (not the root stored beside the note, which whoever rewrites the tables rewrites too): a tree
   * computed again from events changed since (its stored nodes removed) would give proofs that
   * every auditor's check of them refuses.
   */
  private async requireSignedRoot(latest: StoredCheckpoint): Promise<void> {
    if (this.tree.size < latest.treeSize) return;
    let signed: Uint8Array;
    try {
      signed = parseCheckpoint(parseSignedNote(latest.note).text).rootHash;
    } catch (error) {
      throw new CheckpointInconsistentError(`the latest checkpoint (${latest.treeSize} events) is no signed checkpoint: ${(error as Error).message}`);
    }
    const root = await this.tree.rootAt(latest.treeSize);
    if (!Buffer.from(root).equals(Buffer.from(signed)))
      throw new CheckpointInconsistentError(
        `the tree of ${latest.treeSize} leaves no longer hashes to the root the latest checkpoint signed: the log or its tree was changed after that checkpoint was signed (run concord verify)`,
      );
  }

  private async signedSize(requested: number | undefined): Promise<number> {
    const latest = await this.latest();
    const size = requested ?? latest.treeSize;
    // Another instance signed it, and this one's tree has not followed the log that far yet.
    if (size > this.tree.size && size <= latest.treeSize) {
      throw new ProofRefusedError('tree-size-not-signed', `this instance's tree has reached ${this.tree.size} events, not yet ${size}: ask again shortly`, {
        treeSize: size,
        latestCheckpointSize: this.tree.size,
      });
    }
    await this.requireSignedRoot(latest);
    if (requested === undefined) return latest.treeSize;
    if (requested > latest.treeSize) {
      throw new ProofRefusedError(
        'tree-size-not-signed',
        `the latest checkpoint covers ${latest.treeSize} events, not ${requested}: ask for a checkpoint first`,
        {
          treeSize: requested,
          latestCheckpointSize: latest.treeSize,
        },
      );
    }
    return requested;
  }
}
