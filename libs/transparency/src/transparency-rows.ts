import { PerfectNode } from './tree-ranges';
import { PublishedKey, StoredCheckpoint, StoredNode, TreeDivergedError } from './transparency-store.port';

/** Both SQL stores' rows, and the checks they share. */
export interface CheckpointRow {
  readonly tree_size: number | string;
  readonly root_hash: Uint8Array;
  readonly note: string;
  readonly key_name: string;
  readonly signed_at: string;
}

export interface KeyRow {
  readonly verifier_key: string;
  readonly name: string;
  readonly public_key_pem: string;
  readonly valid_from: string;
  readonly valid_until: string | null;
}

export function checkpointOfRow(row: CheckpointRow): StoredCheckpoint {
  return { treeSize: Number(row.tree_size), rootHash: new Uint8Array(row.root_hash), note: row.note, keyName: row.key_name, signedAt: row.signed_at };
}

export function keyOfRow(row: KeyRow): PublishedKey {
  return { name: row.name, verifierKey: row.verifier_key, publicKeyPem: row.public_key_pem, from: row.valid_from, until: row.valid_until };
}

/**
 * The store's tree lacks a node that a tree of its size holds: asked beyond the tree, or the row
 * was deleted. Answered as the log's inconsistency, never as a failure of the server.
 */
export class TreeNodeMissingError extends RangeError {
  override readonly name = 'TreeNodeMissingError';
}

export function missingNode({ level, index }: PerfectNode): never {
  throw new TreeNodeMissingError(
    `the transparency tree in the store holds no node at level ${level}, index ${index}: a row of it was deleted, or the tree was cut after it was written (run concord verify --tree)`,
  );
}

/**
 * Refuses an extension that would leave a gap, and one that disagrees with nodes already stored
 * (another instance computed them from different events: the log or the tree was altered).
 */
export function checkExtension(
  storedSize: number,
  fromSize: number,
  nodes: readonly StoredNode[],
  storedHash: (node: PerfectNode) => Uint8Array | undefined,
): void {
  if (storedSize < fromSize) throw new TreeDivergedError(storedSize, `the tree holds ${storedSize} leaves and cannot be extended from ${fromSize}`);
  if (storedSize === fromSize) return;
  for (const node of nodes) {
    const existing = storedHash(node);
    if (existing && !Buffer.from(existing).equals(Buffer.from(node.hash))) {
      throw new TreeDivergedError(node.index * 2 ** node.level, `the stored tree's node at level ${node.level}, index ${node.index} differs from the log's`);
    }
  }
}
