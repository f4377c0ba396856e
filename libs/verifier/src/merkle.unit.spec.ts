import { createHash } from 'node:crypto';
import {
  checkConsistency,
  EMPTY_TREE_ROOT,
  leafHash,
  nodeHash,
  ProofError,
  rootFromInclusionProof,
  rootOf,
  TreeBuilder,
  compactRangeOf,
  verifyConsistency,
  verifyInclusion,
} from './index';

// ---------------------------------------------------------------------------------------------
// An independent reference: RFC 9162 §2.1 transcribed literally — MTH (§2.1.1), PATH (§2.1.3.1)
// and SUBPROOF (§2.1.4.1), recursive, with its own hashing — against which the module's iterative
// verifiers are checked. Trees are prefixes D[0:n] of one list of entries; a memo keeps it quick.
// ---------------------------------------------------------------------------------------------
const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

/** The largest power of two smaller than n, found by doubling from 1. */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k < n) k *= 2;
  return k / 2;
}

class ReferenceTree {
  private readonly memo = new Map<string, Uint8Array>();

  constructor(private readonly entries: readonly Uint8Array[]) {}

  /** MTH(D[lo:hi]). */
  mth(lo: number, hi: number): Uint8Array {
    if (hi - lo === 0) return sha256();
    if (hi - lo === 1) return sha256(Uint8Array.of(0x00), this.entry(lo));
    const id = `${lo}:${hi}`;
    const cached = this.memo.get(id);
    if (cached) return cached;
    const k = largestPowerOfTwoBelow(hi - lo);
    const hash = sha256(Uint8Array.of(0x01), this.mth(lo, lo + k), this.mth(lo + k, hi));
    this.memo.set(id, hash);
    return hash;
  }

  /** PATH(m, D[lo:hi]), m relative to lo. */
  path(m: number, lo: number, hi: number): Uint8Array[] {
    if (hi - lo === 1) return [];
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m < k) return [...this.path(m, lo, lo + k), this.mth(lo + k, hi)];
    return [...this.path(m - k, lo + k, hi), this.mth(lo, lo + k)];
  }

  /** SUBPROOF(m, D[lo:hi], b), m relative to lo. PROOF(m, D[n]) is subproof(m, 0, n, true). */
  subproof(m: number, lo: number, hi: number, b: boolean): Uint8Array[] {
    if (m === hi - lo) return b ? [] : [this.mth(lo, hi)];
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m <= k) return [...this.subproof(m, lo, lo + k, b), this.mth(lo + k, hi)];
    return [...this.subproof(m - k, lo + k, hi, false), this.mth(lo, lo + k)];
  }

  private entry(i: number): Uint8Array {
    const entry = this.entries[i];
    if (entry === undefined) throw new Error(`no entry ${i}`);
    return entry;
  }
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;
const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));
const flipBit = (path: readonly Uint8Array[], i: number, bit: number): Uint8Array[] =>
  path.map((hash, j) => (j === i ? hash.map((byte, b) => (b === Math.floor(bit / 8) ? byte ^ (1 << (bit % 8)) : byte)) : hash));
const SOME_HASH = unhex('abacaba000000000000000000000000000000000000000000060061e00123456');

const MAX_SIZE = 100;
const entries = Array.from({ length: 2 * MAX_SIZE + 2 }, (_, i) => new Uint8Array(Buffer.from(`event ${i} ${'x'.repeat(i % 7)}`)));
const ref = new ReferenceTree(entries);
const sizes = Array.from({ length: MAX_SIZE }, (_, i) => i + 1);

// ---------------------------------------------------------------------------------------------
// Published vectors. The leaves and the roots of trees of sizes 1..8 are the Certificate
// Transparency reference test data (first in google/certificate-transparency's merkle_tree_test.cc),
// as carried in transparency-dev/merkle, file proof/verify_test.go (variables `leaves`, `roots`,
// `inclusionProofs`, `consistencyProofs`; leaf numbers there are 1-based).
// ---------------------------------------------------------------------------------------------
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(unhex);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION: { leafIndex: number; treeSize: number; path: string[] }[] = [
  {
    leafIndex: 0,
    treeSize: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leafIndex: 5,
    treeSize: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leafIndex: 2, treeSize: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leafIndex: 1,
    treeSize: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CT_CONSISTENCY: { fromSize: number; toSize: number; proof: string[] }[] = [
  { fromSize: 1, toSize: 1, proof: [] },
  {
    fromSize: 1,
    toSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    fromSize: 6,
    toSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    fromSize: 2,
    toSize: 5,
    proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'],
  },
  {
    fromSize: 6,
    toSize: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

describe('hashes (RFC 9162 §2.1.1)', () => {
  it('EMPTY_TREE_ROOT is SHA-256 of the empty string', () => {
    expect(hex(EMPTY_TREE_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(rootOf([]))).toBe(hex(EMPTY_TREE_ROOT));
  });

  it('writing into the exported EMPTY_TREE_ROOT changes nothing the module checks', () => {
    const saved = Uint8Array.from(EMPTY_TREE_ROOT);
    EMPTY_TREE_ROOT.fill(0);
    try {
      expect(hex(rootOf([]))).toBe(hex(saved));
      expect(hex(new TreeBuilder().root())).toBe(hex(saved));
      expect(verifyConsistency({ fromSize: 0, toSize: 3, proof: [], fromRoot: saved, toRoot: ref.mth(0, 3) })).toBe(true);
    } finally {
      EMPTY_TREE_ROOT.set(saved);
    }
  });

  it('leafHash is SHA-256(0x00 || entry), a string entry as UTF-8', () => {
    expect(hex(leafHash(''))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hex(leafHash('é'))).toBe(hex(sha256(Uint8Array.of(0, 0xc3, 0xa9))));
    expect(hex(leafHash(Uint8Array.of(1, 2)))).toBe(hex(sha256(Uint8Array.of(0, 1, 2))));
    expect(() => leafHash('\ud800')).toThrow(TypeError);
  });

  it('nodeHash is SHA-256(0x01 || left || right) of two 32-byte hashes', () => {
    const [a, b] = [leafHash('a'), leafHash('b')];
    expect(hex(nodeHash(a, b))).toBe(hex(sha256(Uint8Array.of(1), a, b)));
    expect(() => nodeHash(a, a.subarray(1))).toThrow(TypeError);
  });
});

describe('published RFC 6962 test vectors (CT reference data)', () => {
  const leafHashes = CT_LEAVES.map((leaf) => leafHash(leaf));

  it.each(CT_ROOTS.map((root, i) => [i + 1, root] as const))('the root of the first %i leaves is %s', (size, root) => {
    expect(hex(rootOf(leafHashes.slice(0, size)))).toBe(root);
    expect(hex(new ReferenceTree(CT_LEAVES).mth(0, size))).toBe(root);
    const builder = new TreeBuilder();
    leafHashes.slice(0, size).forEach((hash) => builder.append(hash));
    expect(hex(builder.root())).toBe(root);
  });

  it.each(CT_INCLUSION)('inclusion proof for leaf $leafIndex of $treeSize', ({ leafIndex, treeSize, path }) => {
    const auditPath = path.map(unhex);
    const rootHash = unhex(CT_ROOTS[treeSize - 1] as string);
    expect(new ReferenceTree(CT_LEAVES).path(leafIndex, 0, treeSize).map(hex)).toEqual(path);
    expect(verifyInclusion({ leafHash: leafHashes[leafIndex] as Uint8Array, leafIndex, treeSize, auditPath, rootHash })).toBe(true);
    expect(verifyInclusion({ leafHash: leafHashes[leafIndex] as Uint8Array, leafIndex, treeSize, auditPath: flipBit(auditPath, 0, 3), rootHash })).toBe(false);
  });

  it.each(CT_CONSISTENCY)('consistency proof from $fromSize to $toSize', ({ fromSize, toSize, proof }) => {
    const fromRoot = unhex(CT_ROOTS[fromSize - 1] as string);
    const toRoot = unhex(CT_ROOTS[toSize - 1] as string);
    expect(new ReferenceTree(CT_LEAVES).subproof(fromSize, 0, toSize, true).map(hex)).toEqual(proof);
    expect(verifyConsistency({ fromSize, toSize, proof: proof.map(unhex), fromRoot, toRoot })).toBe(true);
    if (proof.length > 0) expect(verifyConsistency({ fromSize, toSize, proof: flipBit(proof.map(unhex), 0, 4), fromRoot, toRoot })).toBe(false);
  });
});

describe('rootOf and TreeBuilder', () => {
  it('agree with the reference MTH at every size 0..100, and root() is callable at each', () => {
    const builder = new TreeBuilder();
    const leafHashes: Uint8Array[] = [];
    for (let n = 0; n <= MAX_SIZE; n++) {
      const expected = hex(ref.mth(0, n));
      expect(builder.size).toBe(n);
      expect(hex(builder.root())).toBe(expected);
      expect(hex(builder.root())).toBe(expected); // root() does not disturb the builder
      expect(hex(rootOf(leafHashes))).toBe(expected);
      const next = leafHash(entries[n] as Uint8Array);
      leafHashes.push(next);
      builder.append(next);
    }
  });

  it('streams 65,537 leaves and matches rootOf at sizes along the way', () => {
    const builder = new TreeBuilder();
    const leafHashes: Uint8Array[] = [];
    const checkpoints = new Set([1, 2, 3, 1023, 1024, 1025, 4097, 65_537]);
    for (let i = 0; i < 65_537; i++) {
      const hash = leafHash(`leaf ${i}`);
      leafHashes.push(hash);
      builder.append(hash);
      if (checkpoints.has(builder.size)) expect(hex(builder.root())).toBe(hex(rootOf(leafHashes)));
    }
  });

  it('keeps its own copies of what it is given and returns', () => {
    const builder = new TreeBuilder();
    const hash = leafHash('a');
    builder.append(hash);
    const root = builder.root();
    hash.fill(0);
    root.fill(0);
    expect(hex(builder.root())).toBe(hex(leafHash('a')));
    expect(() => builder.append(new Uint8Array(31))).toThrow(TypeError);
    expect(() => rootOf([new Uint8Array(33)])).toThrow(TypeError);
  });
});

describe('perfect subtrees: what TreeBuilder reports, and resuming it from a compact range', () => {
  it('reports each leaf and every perfect subtree it completes, each equal to the reference MTH of its leaves', () => {
    const builder = new TreeBuilder();
    const reported: { level: number; index: number; hash: string }[] = [];
    for (let n = 0; n < MAX_SIZE; n++)
      builder.append(leafHash(entries[n] as Uint8Array), ({ level, index, hash }) => reported.push({ level, index, hash: hex(hash) }));
    // A tree of n leaves holds n + ⌊n/2⌋ + ⌊n/4⌋ + … perfect subtrees, each reported once.
    let expectedCount = 0;
    for (let width = 1; width <= MAX_SIZE; width *= 2) expectedCount += Math.floor(MAX_SIZE / width);
    expect(reported).toHaveLength(expectedCount);
    for (const { level, index, hash } of reported) expect(hash).toBe(hex(ref.mth(index * 2 ** level, (index + 1) * 2 ** level)));
  });

  it('compactRangeOf names one perfect subtree per set bit of the size, largest first, covering the leaves without gaps', () => {
    expect(compactRangeOf(0)).toEqual([]);
    expect(compactRangeOf(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(compactRangeOf(2 ** 40 + 1)).toEqual([
      { level: 40, index: 0 },
      { level: 0, index: 2 ** 40 },
    ]);
    expect(() => compactRangeOf(-1)).toThrow(RangeError);
    expect(() => compactRangeOf(1.5)).toThrow(RangeError);
  });

  it('a builder resumed from the compact range of any size 0..100 goes on exactly as one that never stopped', () => {
    for (let size = 0; size <= MAX_SIZE; size++) {
      const peaks = compactRangeOf(size).map(({ level, index }) => ref.mth(index * 2 ** level, (index + 1) * 2 ** level));
      const resumed = TreeBuilder.resume(size, peaks);
      expect(hex(resumed.root())).toBe(hex(ref.mth(0, size)));
      for (let n = size; n < Math.min(size + 9, MAX_SIZE); n++) resumed.append(leafHash(entries[n] as Uint8Array));
      expect(hex(resumed.root())).toBe(hex(ref.mth(0, Math.min(size + 9, MAX_SIZE))));
    }
  });

  it('refuses to resume from the wrong number of peaks or from something that is not a hash', () => {
    expect(() => TreeBuilder.resume(3, [leafHash('a')])).toThrow(RangeError);
    expect(() => TreeBuilder.resume(1, [new Uint8Array(31)])).toThrow(TypeError);
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  it.each(sizes)('every leaf of a tree of size %i: the reference PATH verifies, every tampering fails', (n) => {
    // Problems are gathered and checked once: an expect() per case would cost more than the hashing.
    const problems: string[] = [];
    const rootHash = ref.mth(0, n);
    for (let m = 0; m < n; m++) {
      const leaf = ref.mth(m, m + 1);
      const auditPath = ref.path(m, 0, n);
      const proof = { leafHash: leaf, leafIndex: m, treeSize: n, auditPath };
      if (!bytesEqual(leaf, leafHash(entries[m] as Uint8Array))) problems.push(`leaf ${m}: leafHash differs from the reference`);
      if (!bytesEqual(rootFromInclusionProof(proof), rootHash)) problems.push(`leaf ${m}: rootFromInclusionProof differs from the reference root`);
      if (!verifyInclusion({ ...proof, rootHash })) problems.push(`leaf ${m}: the reference proof is refused`);

      const bad: { why: string; args: Parameters<typeof verifyInclusion>[0] }[] = [];
      const add = (why: string, change: Partial<Parameters<typeof verifyInclusion>[0]>): void => {
        bad.push({ why, args: { ...proof, rootHash, ...change } });
      };
      // One flipped bit in each hash of the path, at a different place in each.
      auditPath.forEach((_, i) => add(`a bit of path[${i}]`, { auditPath: flipBit(auditPath, i, (i * 37 + m) % 256) }));
      for (const index of [m - 1, m + 1, n, -1, 0.5]) add(`index ${index}`, { leafIndex: index });
      add('size n+1, its root', { treeSize: n + 1, rootHash: ref.mth(0, n + 1) });
      if (n - 1 > m) add('size n-1, its root', { treeSize: n - 1, rootHash: ref.mth(0, n - 1) });
      add('size 2n', { treeSize: 2 * n });
      if (Math.floor(n / 2) > m) add('size n/2', { treeSize: Math.floor(n / 2) });
      add('size 0', { treeSize: 0 });
      if (auditPath.length > 0) add('truncated path', { auditPath: auditPath.slice(0, -1) });
      add('extended path', { auditPath: [...auditPath, rootHash] });
      add('path with a hash in front', { auditPath: [SOME_HASH, ...auditPath] });
      add('path with a short hash', { auditPath: [...auditPath, new Uint8Array(0)] });
      add('wrong leaf', { leafHash: ref.mth(m + 1, m + 2) });
      add('other root', { rootHash: SOME_HASH });
      add('short root', { rootHash: rootHash.subarray(1) });
      for (const { why, args } of bad) if (verifyInclusion(args)) problems.push(`leaf ${m}: accepted with ${why}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses malformed input with ProofError from rootFromInclusionProof and false from verifyInclusion', () => {
    const leaf = ref.mth(0, 1);
    const cases: Parameters<typeof rootFromInclusionProof>[0][] = [
      { leafHash: leaf, leafIndex: 0, treeSize: 0, auditPath: [] },
      { leafHash: leaf, leafIndex: 1, treeSize: 1, auditPath: [] },
      { leafHash: leaf, leafIndex: -1, treeSize: 1, auditPath: [] },
      { leafHash: leaf, leafIndex: 0, treeSize: 2 ** 53, auditPath: [] },
      { leafHash: leaf, leafIndex: 0, treeSize: 1.5, auditPath: [] },
      { leafHash: leaf, leafIndex: 0, treeSize: 1, auditPath: [SOME_HASH] },
      { leafHash: leaf, leafIndex: 0, treeSize: 2, auditPath: [] },
      { leafHash: leaf.subarray(1), leafIndex: 0, treeSize: 1, auditPath: [] },
      { leafHash: leaf, leafIndex: 0, treeSize: 2, auditPath: [new Uint8Array(33)] },
    ];
    for (const args of cases) {
      expect(() => rootFromInclusionProof(args)).toThrow(ProofError);
      expect(verifyInclusion({ ...args, rootHash: leaf })).toBe(false);
    }
    // A one-leaf tree: the root is the leaf hash and the path is empty.
    expect(verifyInclusion({ leafHash: leaf, leafIndex: 0, treeSize: 1, auditPath: [], rootHash: leaf })).toBe(true);
  });

  it('handles indices and sizes beyond 32 bits', () => {
    // Leaf 2^40 + 5 of a tree of 2^40 + 6 leaves: its path is its left sibling, then the perfect 2^40-leaf tree.
    const [leaf, sibling, left] = [leafHash('x'), leafHash('y'), SOME_HASH];
    // Tree 2^40 + 6 = a perfect 2^40 tree, then 6 leaves: four (a b c d), then the last two (sibling, leaf).
    const abcd = nodeHash(nodeHash(leafHash('a'), leafHash('b')), nodeHash(leafHash('c'), leafHash('d')));
    const rootHash = nodeHash(left, nodeHash(abcd, nodeHash(sibling, leaf)));
    const auditPath = [sibling, abcd, left];
    expect(verifyInclusion({ leafHash: leaf, leafIndex: 2 ** 40 + 5, treeSize: 2 ** 40 + 6, auditPath, rootHash })).toBe(true);
    expect(verifyInclusion({ leafHash: leaf, leafIndex: 5, treeSize: 6, auditPath, rootHash })).toBe(false);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  // PROOF(m, D[n]) for 0 < m ≤ n; nothing for an empty old tree.
  const referenceProof = (m: number, n: number): Uint8Array[] => (m === 0 ? [] : ref.subproof(m, 0, n, true));

  it.each(sizes)('every old size m ≤ %i: the reference PROOF verifies, every tampering fails', (n) => {
    const problems: string[] = [];
    const toRoot = ref.mth(0, n);
    for (let m = 0; m <= n; m++) {
      const fromRoot = ref.mth(0, m);
      const proof = referenceProof(m, n);
      const args = { fromSize: m, toSize: n, proof, fromRoot, toRoot };
      if (!verifyConsistency(args)) problems.push(`from ${m}: the reference proof is refused`);

      const bad: { why: string; args: Parameters<typeof verifyConsistency>[0] }[] = [];
      const add = (why: string, change: Partial<Parameters<typeof verifyConsistency>[0]>): void => {
        bad.push({ why, args: { ...args, ...change } });
      };
      proof.forEach((_, i) => add(`a bit of proof[${i}]`, { proof: flipBit(proof, i, (i * 37 + m) % 256) }));
      if (proof.length > 0) add('truncated proof', { proof: proof.slice(0, -1) });
      if (proof.length > 0) add('proof without its first hash', { proof: proof.slice(1) });
      add('proof with toRoot appended', { proof: [...proof, toRoot] });
      add('proof with a hash in front', { proof: [SOME_HASH, ...proof] });
      add('proof with a short hash', { proof: [...proof, new Uint8Array(31)] });
      // Another size, with the true root of that size: the proof must not carry over (unless it
      // happens to be the right proof for the new pair too, as the empty proof from 0 or to itself is).
      const otherSizes = (why: string, from: number, to: number): void => {
        const same = (a: Uint8Array[], b: Uint8Array[]): boolean => a.length === b.length && a.every((hash, i) => bytesEqual(hash, b[i] as Uint8Array));
        if (from >= 0 && from <= to && (from !== m || to !== n) && !same(referenceProof(from, to), proof)) {
          add(why, { fromSize: from, toSize: to, fromRoot: ref.mth(0, from), toRoot: ref.mth(0, to) });
        }
      };
      otherSizes('fromSize - 1', m - 1, n);
      otherSizes('fromSize + 1', m + 1, n);
      otherSizes('toSize - 1', m, n - 1);
      otherSizes('toSize + 1', m, n + 1);
      // Another size with the same roots, where the proof's length no longer fits. (A size of the
      // same shape, say n + 1 when both need as many levels, can accept it: the RFC algorithm checks
      // a proof against a (size, root) pair and cannot tell that root_n is not the root of n + 1.)
      if (m > 0) add('fromSize - 1, its root unchanged', { fromSize: m - 1 });
      if (m > 0) add('toSize * 2', { toSize: 2 * n });
      if (m > 0) add('toSize / 2', { toSize: Math.floor(n / 2) });
      if (m < n) add('sizes swapped', { fromSize: n, toSize: m });
      add('other fromRoot', { fromRoot: SOME_HASH });
      if (m > 0 && m < n) add('roots swapped', { fromRoot: toRoot, toRoot: fromRoot });
      if (m > 0) add('other toRoot', { toRoot: SOME_HASH });
      add('short fromRoot', { fromRoot: fromRoot.subarray(1) });
      add('fromSize -1', { fromSize: -1 });
      add('toSize 2^53', { toSize: 2 ** 53 });
      for (const { why, args } of bad) if (verifyConsistency(args)) problems.push(`from ${m}: accepted with ${why}`);
    }
    expect(problems).toEqual([]);
  });

  it('edge cases: equal sizes need an empty proof and equal roots; from 0 needs an empty proof and the empty root', () => {
    const [r1, r5] = [ref.mth(0, 1), ref.mth(0, 5)];
    const verify = (fromSize: number, toSize: number, fromRoot: Uint8Array, toRoot: Uint8Array, proof: Uint8Array[] = []): boolean =>
      verifyConsistency({ fromSize, toSize, proof, fromRoot, toRoot });
    expect(verify(0, 0, EMPTY_TREE_ROOT, EMPTY_TREE_ROOT)).toBe(true);
    expect(verify(0, 5, EMPTY_TREE_ROOT, r5)).toBe(true);
    expect(verify(0, 5, EMPTY_TREE_ROOT, SOME_HASH)).toBe(true); // nothing to prove about the new tree
    expect(verify(0, 5, r1, r5)).toBe(false); // not the root of an empty tree
    expect(verify(0, 0, SOME_HASH, SOME_HASH)).toBe(false);
    expect(verify(0, 5, EMPTY_TREE_ROOT, r5, [r5])).toBe(false);
    expect(verify(5, 5, r5, r5)).toBe(true);
    expect(verify(5, 5, r5, SOME_HASH)).toBe(false);
    expect(verify(5, 5, r5, r5, [r5])).toBe(false);
    expect(verify(5, 1, r5, r1)).toBe(false);
    expect(verify(1, 5, r1, r5)).toBe(false); // empty proof for 0 < m < n
    expect(() => checkConsistency({ fromSize: 1, toSize: 5, proof: [], fromRoot: r1, toRoot: r5 })).toThrow(ProofError);
    expect(() => checkConsistency({ fromSize: 1, toSize: 5, proof: ref.subproof(1, 0, 5, true), fromRoot: r1, toRoot: SOME_HASH })).toThrow(/toRoot/);
  });
});
