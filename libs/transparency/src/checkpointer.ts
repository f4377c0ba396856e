import { formatCheckpointText, parseCheckpoint, signNote, verifyConsistency, verifyNote } from '@concord/verifier';
import { UnreadableEventError } from '@concord/event-store';
import { LogTree } from './log-tree';
import { assertCheckpointAsSigned } from './altered-checkpoint';
import type { LogVetting } from './event-vetting';
import type { CheckpointMemory } from './checkpoint-memory';

/** What a checkpointer checks beyond the tree, each optional. */
export interface CheckpointGuards {
  /** Reads what a checkpoint is about to cover, so that an event the ledger would not vouch for is never signed. */
  readonly vetting?: LogVetting;
  /** The latest checkpoint this signer signed, kept outside the store: the store must still hold one as large, or the same history. */
  readonly memory?: CheckpointMemory;
  /** Told when the memory could not be written: the checkpoint was signed and stored all the same. */
  readonly onMemoryError?: (error: unknown) => void;
}
import { CheckpointSigningKey } from './signing-key';
import { PublishedKey, StoredCheckpoint, TransparencyStore } from './transparency-store.port';

/**
 * The tree cannot be signed: it no longer extends the latest checkpoint (the log or the tree was
 * altered). `message` is the operator's, for the server's log, and may name the server's files;
 * `answered` is what a request is told, whatever its role, and the console shows: the same without
 * where the server keeps them.
 */
export class CheckpointInconsistentError extends Error {
  override readonly name = 'CheckpointInconsistentError';

  constructor(
    message: string,
    readonly answered: string = message,
  ) {
    super(message);
  }
}

/** A refusal that names the checkpoint this signer remembers: in full in the log, by its file's name alone in answers. */
function rememberedInconsistency(memory: CheckpointMemory, because: (kept: string, verifyIt: string) => string): CheckpointInconsistentError {
  return new CheckpointInconsistentError(
    because(memory.where, `concord verify --checkpoint ${memory.where}`),
    because(memory.whereAnswered, 'concord verify --checkpoint with that file'),
  );
}

/**
 * This instance's key is not the one the log is signed with now: another instance sharing the
 * database started with another key (or this one under another name), which closed this key's
 * period. A checkpoint it signed would be signed after its key's published end.
 */
export class SigningKeySupersededError extends Error {
  override readonly name = 'SigningKeySupersededError';
}

/**
 * Why `verifierKey` may not sign, or undefined when it is the key the log is signed with now (or no
 * key is published yet). A closed key is not opened again: auditors may have been told it was
 * retired. So the remedy is the key in use, or a new one, whose start closes the one in use.
 */
export function keyClosedProblem(verifierKey: string, published: readonly PublishedKey[]): string | undefined {
  const open = published.find((key) => key.until === null);
  if (open === undefined || open.verifierKey === verifierKey) return undefined;
  return (
    `the log is signed with ${open.verifierKey} since ${open.from}; this instance's key ${verifierKey} is closed, and a closed key is ` +
    'not opened again, so this instance signs no checkpoint. Start it with the key in use (the CONCORD_SIGNING_KEY_FILE and ' +
    'CONCORD_LOG_ORIGIN of the instance that signs), or with a new key, whose start closes the one in use'
  );
}

/**
 * Signs checkpoints of the log's tree. A new one is signed only for a larger tree, and only once
 * the tree is proven (with the same consistency proof an auditor would ask for) to extend the
 * latest one signed: a ledger whose history was altered stops being signed instead of being
 * signed again. Given a `LogVetting`, it reads the events a checkpoint is about to cover and signs
 * none past one the ledger would not vouch for (`UnreadableEventError`).
 */
export class Checkpointer {
  private signing: Promise<StoredCheckpoint> | undefined;
  private refusal: string | undefined;
  private refusedLast: string | undefined;

  constructor(
    private readonly tree: LogTree,
    private readonly store: TransparencyStore,
    private readonly key: CheckpointSigningKey,
    private readonly now: () => Date,
    private readonly guards: CheckpointGuards = {},
  ) {}

  /**
   * The latest checkpoint after signing the tree as it is now, if it grew; one signing at a time.
   * A caller that finds a signing under way waits for it, and signs again if the tree has grown
   * past it meanwhile, so that what it gets covers the tree as it was when it asked.
   */
  async sign(): Promise<StoredCheckpoint> {
    const wanted = this.tree.size;
    for (;;) {
      this.signing ??= this.signNoted().finally(() => {
        this.signing = undefined;
      });
      const signed = await this.signing;
      if (signed.treeSize >= wanted) return signed;
    }
  }

  /** `signNow`, noting whether it was refused for what the log or the store holds (not a passing failure to reach them). */
  private async signNoted(): Promise<StoredCheckpoint> {
    try {
      const signed = await this.signNow();
      this.refusedLast = undefined;
      return signed;
    } catch (error) {
      if (error instanceof CheckpointInconsistentError || error instanceof SigningKeySupersededError || error instanceof UnreadableEventError)
        this.refusedLast = error.message;
      throw error;
    }
  }

  /**
   * Why the checkpoints stored are not what this instance signed, or undefined when nothing says
   * so: the tree found not to describe the log at the start, or the checkpoint it remembers signing
   * (`last-signed-checkpoint.txt`) missing from the store, smaller there, or another note of its
   * size in its place. Cheap (a file and one row read), so that it is asked before any checkpoint
   * or proof is served, from the start on, not once a signing has tried and failed. What only
   * hashing the log finds is found at signing and by the proofs' own check of the signed root.
   */
  async inconsistentBecause(): Promise<CheckpointInconsistentError | undefined> {
    if (this.refusal !== undefined) return new CheckpointInconsistentError(this.refusal);
    const memory = this.guards.memory;
    const remembered = await memory?.recall();
    if (memory === undefined || remembered === undefined || this.ownRoot(remembered.note) === undefined) return undefined;
    const stored = await this.store.checkpointOfSize(remembered.treeSize);
    if (stored?.note === remembered.note) return undefined;
    const latest = await this.store.latestCheckpoint();
    const found =
      stored !== undefined
        ? `the store's checkpoint of ${remembered.treeSize} events is another note`
        : `the store's latest checkpoint is ${latest === undefined ? 'none' : `of ${latest.treeSize} events`}`;
    return rememberedInconsistency(
      memory,
      (kept) =>
        `this instance signed a checkpoint of ${remembered.treeSize} events (kept in ${kept}), but ${found}: checkpoints were removed or replaced, or the store was replaced by an older copy`,
    );
  }

  /** Why the last attempt to sign was refused, until one succeeds: what an operator's alert should hear of. */
  get refusedBecause(): string | undefined {
    return this.refusedLast ?? this.refusal;
  }

  /** Signs nothing more: the tree was found not to describe the log (see `TreeFollower.start`). */
  refuse(reason: string): void {
    this.refusal = reason;
  }

  private async signNow(): Promise<StoredCheckpoint> {
    if (this.refusal !== undefined) throw new CheckpointInconsistentError(this.refusal);
    const latest = await this.store.latestCheckpoint();
    if (latest !== undefined) assertCheckpointAsSigned(latest);
    const size = this.tree.size;
    await this.requireRememberedIn(latest);
    if (latest && size <= latest.treeSize) return latest;
    await this.guards.vetting?.vetUpTo(size, latest?.treeSize ?? 0);
    const published = await this.requireOpenKey();
    const rootHash = await this.tree.rootAt(size);
    if (latest && latest.treeSize > 0) {
      const proof = await this.tree.consistencyProof(latest.treeSize, size);
      if (!verifyConsistency({ fromSize: latest.treeSize, toSize: size, proof, fromRoot: this.signedRoot(latest, published), toRoot: rootHash })) {
        throw new CheckpointInconsistentError(
          `the tree of ${size} leaves does not extend the checkpoint of ${latest.treeSize}: the log or the tree was changed after that checkpoint was signed`,
        );
      }
    }
    const text = formatCheckpointText({ origin: this.key.name, size, rootHash });
    const checkpoint: StoredCheckpoint = {
      treeSize: size,
      rootHash,
      note: signNote(text, { name: this.key.name, privateKey: this.key.privateKey }),
      keyName: this.key.name,
      signedAt: this.now().toISOString(),
    };
    // Asked again right before storing: another instance may have started with another key while
    // the root and the proof were computed.
    await this.requireOpenKey();
    // Another instance may have signed this size first: Ed25519 signatures are deterministic, so
    // with the same key the notes are the same bytes; the stored one stands either way.
    const stored = (await this.store.addCheckpoint(checkpoint)) ? checkpoint : ((await this.store.checkpointOfSize(size)) ?? checkpoint);
    await this.remember(stored.note);
    return stored;
  }

  /**
   * The store must hold a checkpoint at least as large as the last one this signer signed, or a log
   * whose first events still hash to that checkpoint's root (the same history, moved to another
   * store by an export and an import). A store that lacks it and holds another history had its
   * checkpoints removed, or was replaced by an older copy (a backup restored), and auditors may
   * hold checkpoints of events it no longer has: signing again would hand them a second history
   * under the same key, so nothing is signed until an operator has looked (docs/transparency.md).
   * A checkpoint remembered under another key (a ledger begun anew) binds nothing; one not yet
   * remembered (the first start of a version that keeps it) is taken from the store.
   */
  private async requireRememberedIn(latest: StoredCheckpoint | undefined): Promise<void> {
    const memory = this.guards.memory;
    if (memory === undefined) return;
    const remembered = await memory.recall();
    if (remembered === undefined) {
      if (latest !== undefined && this.ownRoot(latest.note) !== undefined) await this.remember(latest.note);
      return;
    }
    const root = this.ownRoot(remembered.note);
    if (root === undefined) return;
    const size = this.tree.size;
    const storeCovers = (latest?.treeSize ?? -1) >= remembered.treeSize;
    // A tree still short of the remembered size signs nothing past the store's latest checkpoint yet.
    if (storeCovers && size < remembered.treeSize) return;
    if (size >= remembered.treeSize && Buffer.from(await this.tree.rootAt(remembered.treeSize)).equals(Buffer.from(root))) return;
    if (storeCovers)
      // The store's checkpoints may have been replaced by ones over a changed history, signed by a
      // key written into the store beside them: what this instance signed itself decides.
      throw rememberedInconsistency(
        memory,
        (kept, verifyIt) =>
          `this instance signed a checkpoint of ${remembered.treeSize} events (kept in ${kept}), but the log's first ${remembered.treeSize} ` +
          `events hash to another root now: its history was changed after that checkpoint was signed. Nothing more is signed: run ` +
          `${verifyIt} to find what changed`,
      );
    const found =
      size < remembered.treeSize
        ? `the log's tree holds only ${size} events`
        : `the log's first ${remembered.treeSize} events hash to another root: its history was changed`;
    throw rememberedInconsistency(
      memory,
      (kept, verifyIt) =>
        `this instance signed a checkpoint of ${remembered.treeSize} events (kept in ${kept}), but the store's latest checkpoint is ` +
        `${latest === undefined ? 'none' : `of ${latest.treeSize} events`} and ${found}: checkpoints were removed from the store, or it was replaced by an older copy. ` +
        `Nothing more is signed: run ${verifyIt}; once the store is as it should be (a backup restored on purpose, ` +
        'its loss of later events told to those who hold checkpoints of them), move that file away',
    );
  }

  /** The root a note signed by this signer's own key covers; undefined for a note it did not sign. */
  private ownRoot(note: string): Uint8Array | undefined {
    try {
      return parseCheckpoint(verifyNote(note, [this.key.verifierKey]).text).rootHash;
    } catch {
      return undefined;
    }
  }

  /** Remembers a checkpoint signed; failing to is said, not a failure of the signing (the checkpoint is stored). */
  private async remember(note: string): Promise<void> {
    try {
      await this.guards.memory?.remember(note);
    } catch (error) {
      this.guards.onMemoryError?.(error);
    }
  }

  /** Refuses to sign with a key whose published period another key's start has closed; the keys published. */
  private async requireOpenKey(): Promise<PublishedKey[]> {
    const published = await this.store.publishedKeys();
    const problem = keyClosedProblem(this.key.verifierKey, published);
    if (problem !== undefined) throw new SigningKeySupersededError(problem);
    return published;
  }

  /**
   * The root the latest checkpoint's signature covers, not the column stored beside it: someone
   * who rewrote the tables could change that column too, but cannot sign with a published key.
   */
  private signedRoot(latest: StoredCheckpoint, published: readonly PublishedKey[]): Uint8Array {
    const keys = [this.key.verifierKey, ...published.map((key) => key.verifierKey)];
    try {
      return parseCheckpoint(verifyNote(latest.note, keys).text).rootHash;
    } catch (error) {
      throw new CheckpointInconsistentError(`the latest checkpoint (${latest.treeSize} events) is not signed by a published key: ${(error as Error).message}`);
    }
  }
}
