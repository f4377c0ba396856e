// Inclusion and consistency proof verification, step by step as RFC 9162 §2.1.3.2 and §2.1.4.2
// write them (the step numbers in the comments are the RFC's). Tree sizes and indices are plain
// numbers, so every shift is a division: JavaScript's bit operators work on 32 bits only.
//
// The checks below return the reason a proof fails as a string rather than throwing it: the boolean
// verifiers then cost no Error (and no stack trace) per rejected proof; the throwing ones wrap it.
import { bytesEqual, isHash } from './bytes';
import { emptyTreeRoot, nodeHash } from './hash';

/** A proof, or the arguments given with it, that cannot be what it claims. */
export class ProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofError';
  }
}

export interface InclusionProof {
  leafHash: Uint8Array;
  leafIndex: number;
  treeSize: number;
  auditPath: readonly Uint8Array[];
}

export interface ConsistencyProof {
  fromSize: number;
  toSize: number;
  proof: readonly Uint8Array[];
  fromRoot: Uint8Array;
  toRoot: Uint8Array;
}

/** Why a proof fails. */
type Failure = string;

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function badSize(value: number, what: string): Failure | undefined {
  return Number.isSafeInteger(value) && value >= 0 ? undefined : `${what} must be a non-negative safe integer, got ${String(value)}`;
}

function badHash(value: unknown, what: string): Failure | undefined {
  return isHash(value) ? undefined : `${what} must be a 32-byte Uint8Array`;
}

function badPath(path: readonly Uint8Array[], what: string): Failure | undefined {
  if (!Array.isArray(path)) return `${what} must be an array of hashes`;
  const i = path.findIndex((hash) => !isHash(hash));
  return i < 0 ? undefined : `${what}[${i}] must be a 32-byte Uint8Array`;
}

function inclusionRoot({ leafHash, leafIndex, treeSize, auditPath }: InclusionProof): Uint8Array | Failure {
  const malformed = badSize(leafIndex, 'leafIndex') ?? badSize(treeSize, 'treeSize') ?? badHash(leafHash, 'leafHash') ?? badPath(auditPath, 'auditPath');
  if (malformed !== undefined) return malformed;
  // 1. The index must name a leaf of the tree.
  if (leafIndex >= treeSize) return `leafIndex ${leafIndex} is not below treeSize ${treeSize}`;
  // 2.–3. fn walks the leaf's position up the tree, sn the last leaf's; r is the running hash.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  // 4.
  for (const p of auditPath) {
    // a. Reached the root with path left over.
    if (sn === 0) return `auditPath is longer than a proof for leaf ${leafIndex} of ${treeSize}`;
    if (isOdd(fn) || fn === sn) {
      // b. We are a right child, or the last node of a level (whose sibling, if any, is on its left).
      r = nodeHash(p, r);
      // A left child with no right sibling is carried up unchanged, level after level.
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    // c.
    fn = half(fn);
    sn = half(sn);
  }
  // 5. The path must end exactly at the root.
  if (sn !== 0) return `auditPath is shorter than a proof for leaf ${leafIndex} of ${treeSize}`;
  return r;
}

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2). Throws ProofError when the proof is malformed. */
export function rootFromInclusionProof(proof: InclusionProof): Uint8Array {
  const root = inclusionRoot(proof);
  if (typeof root === 'string') throw new ProofError(root);
  return root;
}

/** Whether the proof shows leafHash at leafIndex in the tree of treeSize leaves whose root is rootHash. False, never an exception, for bad input. */
export function verifyInclusion(args: InclusionProof & { rootHash: Uint8Array }): boolean {
  const root = inclusionRoot(args);
  return typeof root !== 'string' && isHash(args.rootHash) && bytesEqual(root, args.rootHash);
}

function consistencyFailure({ fromSize, toSize, proof, fromRoot, toRoot }: ConsistencyProof): Failure | undefined {
  const malformed =
    badSize(fromSize, 'fromSize') ?? badSize(toSize, 'toSize') ?? badHash(fromRoot, 'fromRoot') ?? badHash(toRoot, 'toRoot') ?? badPath(proof, 'proof');
  if (malformed !== undefined) return malformed;
  if (fromSize > toSize) return `fromSize ${fromSize} is larger than toSize ${toSize}`;
  if (fromSize === 0 && !bytesEqual(fromRoot, emptyTreeRoot())) return 'fromRoot of an empty tree must be SHA-256("")';
  if (fromSize === toSize || fromSize === 0) {
    if (proof.length !== 0) return `a proof from size ${fromSize} to ${toSize} must be empty`;
    if (fromSize === toSize && !bytesEqual(fromRoot, toRoot)) return `two roots for the same size ${fromSize} differ`;
    return undefined;
  }
  // 1.
  if (proof.length === 0) return 'consistency proof is empty';
  // 2. When the old tree is a perfect tree its root is a node of the new tree, and the proof leaves it out.
  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : proof;
  // 3.
  let fn = fromSize - 1;
  let sn = toSize - 1;
  // 4. Climb to the lowest node that is the root of a perfect subtree of the old tree ending at its last leaf.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. fr rebuilds the old root, sr the new one, both starting from that node.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // 6.
  for (const c of path.slice(1)) {
    // a.
    if (sn === 0) return `proof is longer than one from size ${fromSize} to ${toSize}`;
    if (isOdd(fn) || fn === sn) {
      // b. c is a left sibling: part of both trees.
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      // Otherwise c is a right sibling: only in the new tree.
      sr = nodeHash(sr, c);
    }
    // c.
    fn = half(fn);
    sn = half(sn);
  }
  // 7.
  if (sn !== 0) return `proof is shorter than one from size ${fromSize} to ${toSize}`;
  if (!bytesEqual(fr, fromRoot)) return `proof does not lead to fromRoot of size ${fromSize}`;
  if (!bytesEqual(sr, toRoot)) return `proof does not lead to toRoot of size ${toSize}`;
  return undefined;
}

/**
 * Checks a consistency proof (RFC 9162 §2.1.4.2) and throws ProofError saying why it fails.
 *
 * The RFC defines proofs for 0 < fromSize < toSize. The edges, as decided here:
 * - fromSize === toSize: consistent only with an empty proof and equal roots.
 * - fromSize === 0: the empty tree is a prefix of every tree, so an empty proof suffices, whatever
 *   toRoot is; but fromRoot must be MTH({}) = SHA-256(""), the only root a tree of size 0 can have.
 */
export function checkConsistency(args: ConsistencyProof): void {
  const failure = consistencyFailure(args);
  if (failure !== undefined) throw new ProofError(failure);
}

/** Whether the tree of toSize leaves with toRoot extends the tree of fromSize with fromRoot. False, never an exception, for bad input. */
export function verifyConsistency(args: ConsistencyProof): boolean {
  return consistencyFailure(args) === undefined;
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !isOdd(n)) n /= 2;
  return n === 1;
}
