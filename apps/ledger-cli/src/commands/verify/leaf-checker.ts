import { canonicalJson, firstDuplicateField, leafHash, TreeBuilder } from '@concord/verifier';

/** A signed tree size and its root, to check the recomputed tree against. */
export interface SignedRoot {
  readonly size: number;
  readonly root: Uint8Array;
}

export interface LeafCheckResult {
  /** Leaves appended: the log's events checked. */
  readonly size: number;
  /** Indexes (into the signed roots given) of those the recomputed tree disagrees with. */
  readonly wrongRoots: number[];
  /** How many of the signed roots the tree reached (the rest are beyond the log). */
  readonly reached: number;
  /** Entries canonicalised here because their text's hash was not the stored leaf (or none was stored). */
  readonly canonicalised: number;
}

/** The hashing half of an audit, in this thread or another: see LeafChecker. */
export interface LeafCheck {
  /** The next page's entries and the leaves stored for them; resolves with the offsets whose leaf is not the stored one. */
  check(entries: readonly string[], stored: readonly (Uint8Array | undefined)[]): Promise<number[]>;
  finish(): Promise<LeafCheckResult>;
  /** Releases what it holds (a thread); after finish, or instead of it when the audit stops. */
  close(): Promise<void>;
}

/** Buffer's comparison, on any two Uint8Arrays, without making Buffers of them. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.prototype.equals.call(a, b);
}

/**
 * The entry as defined (RFC 8785 of the members). Text altered by hand is hashed as it is and
 * cannot match: text that is not JSON, and text giving a field twice, of which `JSON.parse` keeps
 * the last while a reader keeping the first (SQLite's own `json_extract`) reads another event.
 */
function definedEntry(entry: string): string {
  try {
    const value: unknown = JSON.parse(entry);
    return firstDuplicateField(entry) === undefined ? canonicalJson(value) : entry;
  } catch {
    return entry;
  }
}

/**
 * Recomputes each leaf and the tree, and checks them against the stored leaves and the signed
 * roots. An entry is JSON text of the event's eight members; as a store keeps it, canonical. Its
 * hash is tried first: when it is the leaf stored for the position, the stored text is (SHA-256
 * being collision resistant) the canonical entry that was hashed when the event was recorded.
 * Otherwise (text stored before it was kept canonical, changed since, or no stored leaf to
 * compare) the entry is canonicalised as defined and hashed again.
 */
export class LeafChecker implements LeafCheck {
  private readonly builder = new TreeBuilder();
  private reached = 0;
  private canonicalised = 0;
  private readonly wrongRoots: number[] = [];

  constructor(private readonly signed: readonly SignedRoot[]) {
    this.checkRootsReached();
  }

  async check(entries: readonly string[], stored: readonly (Uint8Array | undefined)[]): Promise<number[]> {
    return this.checkNow(entries, stored);
  }

  async finish(): Promise<LeafCheckResult> {
    return this.result();
  }

  async close(): Promise<void> {}

  checkNow(entries: readonly string[], stored: readonly (Uint8Array | undefined)[]): number[] {
    const mismatched: number[] = [];
    entries.forEach((entry, offset) => {
      const storedLeaf = stored[offset];
      let leaf = storedLeaf === undefined ? undefined : leafHash(entry);
      if (leaf === undefined || !sameBytes(leaf, storedLeaf as Uint8Array)) {
        this.canonicalised += 1;
        leaf = leafHash(definedEntry(entry));
        if (storedLeaf !== undefined && !sameBytes(leaf, storedLeaf)) mismatched.push(offset);
      }
      this.builder.append(leaf);
      this.checkRootsReached();
    });
    return mismatched;
  }

  result(): LeafCheckResult {
    return { size: this.builder.size, wrongRoots: [...this.wrongRoots], reached: this.reached, canonicalised: this.canonicalised };
  }

  private checkRootsReached(): void {
    for (let next = this.signed[this.reached]; next !== undefined && next.size === this.builder.size; next = this.signed[this.reached]) {
      if (!sameBytes(this.builder.root(), next.root)) this.wrongRoots.push(this.reached);
      this.reached += 1;
    }
  }
}
