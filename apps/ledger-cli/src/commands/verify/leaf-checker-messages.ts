import { LeafCheckResult } from './leaf-checker';

/**
 * A page crosses to the thread as one string and one block of bytes, not as a thousand small
 * values: cloning many small values cost more than hashing them. Canonical JSON holds no raw line
 * feed, so entries are joined by one; leaves are 32 bytes each, `present[i]` 0 where none is stored.
 */
export interface PageMessage {
  readonly kind: 'page';
  readonly id: number;
  readonly entries: string;
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
    leaves.set(leaf, index * LEAF_SIZE);
    present[index] = 1;
  });
  return { kind: 'page', id, entries: entries.join('\n'), leaves, present };
}

export function pageOf(message: PageMessage): { entries: string[]; stored: (Uint8Array | undefined)[] } {
  const entries = message.entries.split('\n');
  const stored = entries.map((_, index) => (message.present[index] === 1 ? message.leaves.subarray(index * LEAF_SIZE, (index + 1) * LEAF_SIZE) : undefined));
  return { entries, stored };
}
