import { LeafCheckResult } from './leaf-checker';

/**
 * A page crosses to the thread as one string and a few blocks of numbers and bytes, not as a
 * thousand small values: cloning many small values cost more than hashing them. The entries are
 * concatenated and cut again by their lengths (no separator: stored text altered by hand may hold
 * any character); leaves are 32 bytes each; `present[i]` is 0 where none is stored, 2 where what
 * is stored is not 32 bytes (altered: it can match nothing).
 */
export interface PageMessage {
  readonly kind: 'page';
  readonly id: number;
  readonly entries: string;
  readonly lengths: Uint32Array;
  readonly leaves: Uint8Array;
  readonly present: Uint8Array;
}

export type LeafCheckerCommand = PageMessage | { readonly kind: 'finish' };

export type LeafCheckerReply =
  | { readonly kind: 'checked'; readonly id: number; readonly mismatched: number[] }
  | { readonly kind: 'finished'; readonly result: LeafCheckResult }
  | { readonly kind: 'failed'; readonly message: string };

const LEAF_SIZE = 32;

export function pageMessage(id: number, entries: readonly string[], stored: readonly (Uint8Array | undefined)[]): PageMessage {
  const leaves = new Uint8Array(entries.length * LEAF_SIZE);
  const present = new Uint8Array(entries.length);
  stored.forEach((leaf, index) => {
    if (leaf === undefined) return;
    if (leaf.length !== LEAF_SIZE) {
      present[index] = 2;
      return;
    }
    leaves.set(leaf, index * LEAF_SIZE);
    present[index] = 1;
  });
  return { kind: 'page', id, entries: entries.join(''), lengths: Uint32Array.from(entries, (entry) => entry.length), leaves, present };
}

export function pageOf(message: PageMessage): { entries: string[]; stored: (Uint8Array | undefined)[] } {
  let start = 0;
  const entries = Array.from(message.lengths, (length) => message.entries.slice(start, (start += length)));
  const stored = entries.map((_, index) => {
    const present = message.present[index];
    if (present === 2) return new Uint8Array(0);
    return present === 1 ? message.leaves.subarray(index * LEAF_SIZE, (index + 1) * LEAF_SIZE) : undefined;
  });
  return { entries, stored };
}
