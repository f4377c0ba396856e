import { StoredEvent } from '@concord/event-store';
import { leafHash, ledgerEntry, parseCheckpoint, TreeBuilder, verifyNote } from '@concord/verifier';

export type AuditProblemKind = 'event-missing' | 'content-changed' | 'order-changed' | 'signature-invalid' | 'checkpoint-mismatch' | 'rolled-back';

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** The first position the problem concerns, when one can be named. */
  readonly position?: number;
  readonly message: string;
}

/** A signed checkpoint to check the log against, and where it came from (for the report). */
export interface HeldCheckpoint {
  readonly source: string;
  readonly note: string;
}

/** An event of the log as the audit reads it. */
export interface AuditedEvent {
  readonly position: number;
  /**
   * The entry assembled from the stored text without parsing it (ledgerEntryOfCanonicalText):
   * the event's entry when that text is canonical, as stores keep it since they could.
   */
  readonly quickEntry?: string;
  /** The event itself, parsed: what its entry is defined from. */
  parsed(): StoredEvent;
}

export interface AuditInput {
  /** The log in position order, a page at a time. */
  readonly pages: AsyncIterable<readonly AuditedEvent[]>;
  /** The leaf hashes the ledger stored when the events were recorded, where there are any (not in an export). */
  readonly storedLeaves?: (fromIndex: number, count: number) => Promise<Uint8Array[]>;
  readonly storedTreeSize?: number;
  readonly checkpoints: readonly HeldCheckpoint[];
  /** Verifier keys (Go's note format) whose signatures count. */
  readonly trustedKeys: readonly string[];
  readonly onEvents?: (count: number) => void;
}

export interface AuditReport {
  readonly eventsChecked: number;
  readonly checkpointsChecked: number;
  /** The largest signed tree size the log was checked against: events after it were hashed but not proven. */
  readonly signedThrough: number;
  readonly problems: AuditProblem[];
}

interface SignedSize {
  readonly size: number;
  readonly root: Buffer;
  readonly source: string;
}

/** Mismatched leaves reported; past this the log is plainly not the one recorded. */
const MISMATCHES_KEPT = 1000;
/** Mismatches tried against each other to tell a reordering from a change (pairs hashed: its square). */
const REORDERING_CANDIDATES = 100;

/**
 * Recomputes every leaf and the tree from the log's events, and checks them against the leaves
 * stored when the events were recorded and against every signed checkpoint. Stops at the first
 * missing event (what follows cannot be placed in the tree); reports every other problem, first
 * position first.
 */
export async function auditLog(input: AuditInput): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const signed = signedSizes(input, problems);
  const builder = new TreeBuilder();
  const mismatches: { event: StoredEvent; stored: Buffer }[] = [];
  let nextSigned = 0;
  // A checkpoint of the empty log: its root is the hash of nothing, whatever the events.
  for (; signed[nextSigned]?.size === 0; nextSigned += 1) {
    const empty = signed[nextSigned] as SignedSize;
    if (!empty.root.equals(Buffer.from(builder.root())))
      problems.push({ kind: 'checkpoint-mismatch', message: `${empty.source} signs a root that is not the empty tree's` });
  }
  let expected = 1;
  pages: for await (const page of input.pages) {
    if (page.length === 0) continue;
    const stored = input.storedLeaves ? await input.storedLeaves(expected - 1, page.length) : [];
    for (const [offset, event] of page.entries()) {
      if (event.position !== expected) {
        problems.push({
          kind: 'event-missing',
          position: expected,
          message: `the log has no event at position ${expected} (the next is at ${event.position}): events were removed`,
        });
        break pages;
      }
      const storedLeaf = stored[offset] && asBuffer(stored[offset] as Uint8Array);
      const leaf = leafOf(event, storedLeaf);
      if (storedLeaf && !leaf.equals(storedLeaf) && mismatches.length < MISMATCHES_KEPT) mismatches.push({ event: event.parsed(), stored: storedLeaf });
      builder.append(leaf);
      for (; signed[nextSigned] && (signed[nextSigned] as SignedSize).size === builder.size; nextSigned += 1) {
        const checkpoint = signed[nextSigned] as SignedSize;
        if (!Buffer.from(builder.root()).equals(checkpoint.root)) {
          problems.push({
            kind: 'checkpoint-mismatch',
            message: `the first ${checkpoint.size} events do not hash to the root signed in ${checkpoint.source}: they were changed, reordered or replaced since it was signed (a rollback or a fork)`,
          });
        }
      }
      expected += 1;
    }
    input.onEvents?.(page.length);
  }
  const head = expected - 1;
  problems.push(...classifyMismatches(mismatches));
  // After a gap the log is cut short on purpose: the checkpoints past it are not separate findings.
  const stoppedAtGap = problems.some((problem) => problem.kind === 'event-missing');
  for (const checkpoint of stoppedAtGap ? [] : signed.slice(nextSigned)) {
    problems.push({
      kind: 'rolled-back',
      position: head + 1,
      message: `${checkpoint.source} covers ${checkpoint.size} events but the log ends at position ${head}: events after it were removed, or the ledger was rolled back to an older copy`,
    });
  }
  if (input.storedTreeSize !== undefined && input.storedTreeSize > head && !stoppedAtGap) {
    problems.push({
      kind: 'rolled-back',
      position: head + 1,
      message: `the stored tree holds ${input.storedTreeSize} leaves but the log ends at position ${head}: events at the end were removed`,
    });
  }
  problems.sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER));
  const signedThrough = signed.slice(0, nextSigned).reduce((largest, checkpoint) => Math.max(largest, checkpoint.size), 0);
  return { eventsChecked: head, checkpointsChecked: signed.length, signedThrough, problems };
}

/**
 * The event's leaf. The quick entry is hashed first: when it hashes to the leaf stored at the
 * event's position, it is (SHA-256 being collision resistant) the canonical entry that was hashed
 * when the event was recorded, so the stored text still says exactly that. Otherwise (text kept
 * before stores kept it canonical, or changed since) the entry is computed as defined, from the
 * parsed event; without a stored leaf to compare, always so.
 */
function leafOf(event: AuditedEvent, storedLeaf: Buffer | undefined): Buffer {
  if (event.quickEntry !== undefined && storedLeaf !== undefined) {
    const quick = asBuffer(leafHash(event.quickEntry));
    if (quick.equals(storedLeaf)) return quick;
  }
  return asBuffer(leafHash(ledgerEntry(event.parsed())));
}

/** A Buffer over the same bytes, not a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Checkpoints whose signature a trusted key made, smallest first; the others are problems. */
function signedSizes(input: AuditInput, problems: AuditProblem[]): SignedSize[] {
  const sizes: SignedSize[] = [];
  for (const { source, note } of input.checkpoints) {
    try {
      const { text } = verifyNote(note, [...input.trustedKeys]);
      const { size, rootHash } = parseCheckpoint(text);
      sizes.push({ size, root: Buffer.from(rootHash), source });
    } catch (error) {
      problems.push({ kind: 'signature-invalid', message: `${source}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return sizes.sort((a, b) => a.size - b.size);
}

/**
 * A leaf that differs from the one stored is a reordering when the event, put back at another
 * mismatched position, hashes to the leaf stored there; otherwise its content changed.
 */
function classifyMismatches(mismatches: readonly { event: StoredEvent; stored: Buffer }[]): AuditProblem[] {
  const candidates = mismatches.slice(0, REORDERING_CANDIDATES);
  const storedAt = new Map(candidates.map(({ event, stored }) => [stored.toString('hex'), event.position]));
  return mismatches.map(({ event }, index) => {
    const movedFrom = (index < REORDERING_CANDIDATES ? candidates : [])
      .map(({ event: other }) => other.position)
      .find((position) => position !== event.position && storedAt.get(Buffer.from(leafHash(ledgerEntry({ ...event, position }))).toString('hex')) === position);
    return movedFrom === undefined
      ? {
          kind: 'content-changed',
          position: event.position,
          message: `the event at position ${event.position} is not the one recorded there: its content changed`,
        }
      : {
          kind: 'order-changed',
          position: event.position,
          message: `the event at position ${event.position} was recorded at position ${movedFrom}: the order of events changed`,
        };
  });
}
