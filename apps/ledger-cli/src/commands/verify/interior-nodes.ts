import { PerfectSubtree, TreeBuilder } from '@concord/verifier';
import { TransparencyStore } from '@concord/transparency';
import { AuditProblem } from './log-audit';

const LEAVES_PER_READ = 16_384;
/** Problems named one by one; the rest are counted. */
const NAMED = 20;

/**
 * The stored tree's interior nodes, each the hash of the stored leaves beneath it. The leaves are
 * checked against the events (`auditLog`); the API builds every root and proof from the nodes above
 * them, so a damaged node would break proofs and checkpoints while the events and leaves check out.
 */
export async function interiorNodeProblems(transparency: TransparencyStore, treeSize: number): Promise<AuditProblem[]> {
  const builder = new TreeBuilder();
  const problems: AuditProblem[] = [];
  let unnamed = 0;
  for (let from = 0; from < treeSize; from += LEAVES_PER_READ) {
    const leaves = await transparency.leaves(from, Math.min(LEAVES_PER_READ, treeSize - from));
    const completed: PerfectSubtree[] = [];
    for (const leaf of leaves) builder.append(leaf, (subtree) => subtree.level > 0 && transparency.storesLevel(subtree.level) && completed.push(subtree));
    for (const [index, stored] of (await storedOrMissing(transparency, completed)).entries()) {
      const expected = completed[index] as PerfectSubtree;
      if (stored !== undefined && Buffer.from(stored).equals(Buffer.from(expected.hash))) continue;
      if (problems.length === NAMED) {
        unnamed += 1;
        continue;
      }
      const first = expected.index * 2 ** expected.level + 1;
      const last = first + 2 ** expected.level - 1;
      problems.push({
        kind: 'tree-changed',
        position: first,
        message: `the stored tree's node of level ${expected.level} over positions ${first}–${last} is ${stored === undefined ? 'missing' : 'not the hash of the leaves beneath it'}: roots and proofs the ledger computes from it would not verify (the tree's tables were changed)`,
      });
    }
  }
  if (unnamed > 0) problems.push({ kind: 'tree-changed', message: `and ${unnamed} more stored nodes of the tree so` });
  return problems;
}

/** The stored hashes of these nodes, undefined for one the store lacks. */
async function storedOrMissing(transparency: TransparencyStore, nodes: readonly PerfectSubtree[]): Promise<(Uint8Array | undefined)[]> {
  try {
    return await transparency.nodes(nodes);
  } catch {
    // One at a time, to name the missing ones; only a damaged tree comes this way.
    const each: (Uint8Array | undefined)[] = [];
    for (const node of nodes)
      each.push(
        await transparency
          .nodes([node])
          .then(([hash]) => hash)
          .catch(() => undefined),
      );
    return each;
  }
}
