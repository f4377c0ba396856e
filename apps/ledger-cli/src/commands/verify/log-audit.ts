import { StoredEvent } from '@concord/event-store';
import { leafHash, ledgerEntry, parseCheckpoint, parseSignedNote, verifyNote } from '@concord/verifier';
import { LeafCheck, LeafChecker, LeafCheckResult, SignedRoot } from './leaf-checker';
import { PositionOrder } from './position-order';
import { checkpointFormProblem } from './checkpoint-note';
import { StreamRevisions } from './stream-revisions';
import { eventShapeProblem } from '@concord/governance/schemas';

export type AuditProblemKind =
  | 'event-missing'
  | 'content-changed'
  | 'order-changed'
  | 'tree-changed'
  | 'checkpoint-malformed'
  | 'checkpoint-altered'
  | 'checkpoints-missing'
  | 'signature-invalid'
  | 'checkpoint-mismatch'
  | 'rolled-back'
  | 'event-invalid'
  | 'rule-broken';

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
  /**
   * What the store lists beside a stored checkpoint's note, and serves as its size and root: it
   * must say what the signed note says, or the store was altered after the signing.
   */
  readonly listed?: { readonly treeSize: number; readonly rootHash: Uint8Array };
  /** The keys its signature is checked with, where not the audit's trusted keys. */
  readonly keys?: readonly string[];
}

/** An event of the log as the audit reads it. */
export interface AuditedEvent {
  readonly position: number;
  /**
   * JSON text of the event's eight members: from a store that keeps canonical text, assembled
   * around it without parsing (ledgerEntryOfCanonicalText), and then the very entry hashed.
   */
  readonly entry: string;
  /** The event itself, parsed: for reporting what a changed leaf means. */
  parsed(): StoredEvent;
  /**
   * Its stream and revision, where reading them costs nothing (an export's events are parsed
   * already): a revision its stream skips names an event removed where no stored leaf can.
   */
  readonly streamRevision?: { readonly stream: string; readonly revision: number };
}

/** A page of the log, with the leaves stored for it when the store read them together. */
export interface AuditPage {
  readonly events: readonly AuditedEvent[];
  readonly storedLeaves?: readonly (Uint8Array | undefined)[];
  /** Positions whose data or metadata is not JSON on its own (text altered across the two). */
  readonly unreadable?: readonly number[];
}

export interface AuditInput {
  /** The log in position order, a page at a time. */
  readonly pages: AsyncIterable<AuditPage>;
  /** The leaf hashes the ledger stored when the events were recorded, where there are any (not in an export). */
  readonly storedLeaves?: (fromIndex: number, count: number) => Promise<Uint8Array[]>;
  readonly storedTreeSize?: number;
  readonly checkpoints: readonly HeldCheckpoint[];
  /** Verifier keys (Go's note format) whose signatures count. */
  readonly trustedKeys: readonly string[];
  readonly onEvents?: (count: number) => void;
  /** Where the hashing runs; in this thread unless told otherwise. */
  readonly openLeafCheck?: (signed: readonly SignedRoot[]) => LeafCheck;
}

export interface AuditReport {
  readonly eventsChecked: number;
  readonly checkpointsChecked: number;
  /** The largest signed tree size the log was checked against: events after it were hashed but not proven. */
  readonly signedThrough: number;
  /** How many of the events the store's tree holds a leaf of, to compare with (all of them, on a store, unless its tree was removed or lags). */
  readonly storedLeaves?: number;
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

/** Pages hashed at once: enough to keep the hashing thread busy while the next page is read. */
const PAGES_IN_FLIGHT = 4;

/**
 * Recomputes every leaf and the tree from the log's events, and checks them against the leaves
 * stored when the events were recorded and against every signed checkpoint. Events read out of
 * position order are put back in it (see PositionOrder). Stops at the first missing event (what
 * follows cannot be placed in the tree); reports every other problem, first position first.
 * This thread reads; the hashing runs in the LeafCheck (a second core in the CLI).
 */
export async function auditLog(input: AuditInput): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const unverified: UnverifiedCheckpoint[] = [];
  const signed = signedSizes(input, problems, unverified);
  const check = (input.openLeafCheck ?? ((roots) => new LeafChecker(roots)))(signed);
  const mismatches: { event: StoredEvent; stored: Buffer }[] = [];
  /** Positions whose stored text is no longer JSON at all. */
  const unreadable: number[] = [];
  const order = new PositionOrder();
  const revisions = new StreamRevisions();
  const invalid: AuditProblem[] = [];
  let expected = 1;
  let result: LeafCheckResult;
  try {
    const inFlight: Promise<void>[] = [];
    for await (const { events, storedLeaves, unreadable: unreadableHere } of order.pages(input.pages)) {
      unreadable.push(...(unreadableHere ?? []));
      for (const event of events) {
        revisions.see(event);
        const problem = invalidEvent(event);
        if (problem !== undefined) invalid.push(problem);
      }
      if (events.length > 0) {
        const stored = storedLeaves ?? (input.storedLeaves ? await input.storedLeaves(expected - 1, events.length) : []);
        const checked = check.check(
          events.map((event) => event.entry),
          events.map((_, offset) => stored[offset]),
        );
        const handled = checked.then((offsets) => {
          for (const offset of offsets.slice(0, Math.max(0, MISMATCHES_KEPT - mismatches.length))) {
            const event = events[offset] as AuditedEvent;
            const parsed = parsedOrUndefined(event);
            if (parsed === undefined) unreadable.push(event.position);
            else mismatches.push({ event: parsed, stored: Buffer.from(stored[offset] as Uint8Array) });
          }
          input.onEvents?.(events.length);
        });
        // Awaited below, in turn; meanwhile a failure of the hashing thread must not go unhandled.
        handled.catch(() => undefined);
        inFlight.push(handled);
        expected += events.length;
      }
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    result = await check.finish();
  } finally {
    await check.close();
  }
  const head = expected - 1;
  const stoppedAtGap = order.missing !== undefined;
  problems.push(...order.problems, ...revisions.problems());
  // Events a signed root was recomputed from are the ones signed: a stored leaf that differs from
  // theirs is the stored tree altered, not the event.
  const provenThrough = signed.reduce(
    (largest, { size }, index) => (index < result.reached && !result.wrongRoots.includes(index) ? Math.max(largest, size) : largest),
    0,
  );
  const eventsChanged = mismatches.filter(({ event }) => event.position > provenThrough);
  problems.push(...mismatches.filter(({ event }) => event.position <= provenThrough).map(({ event }) => treeChanged(event.position, provenThrough)));
  const pastTheEnd = eventsChanged.length > 0 ? await storedLeavesPastTheEnd(input, head) : [];
  problems.push(...classifyMismatches(eventsChanged, pastTheEnd, mismatches.length < MISMATCHES_KEPT && unreadable.length === 0));
  for (const position of [...new Set(unreadable)].sort((a, b) => a - b)) {
    problems.push({ kind: 'content-changed', position, message: `the event at position ${position} is not JSON as stored: its content changed` });
  }
  const unreadableSet = new Set(unreadable);
  problems.push(...invalid.filter(({ position }) => !unreadableSet.has(position as number)));
  for (const index of result.wrongRoots) {
    const checkpoint = signed[index] as SignedSize;
    problems.push({
      kind: 'checkpoint-mismatch',
      message:
        checkpoint.size === 0
          ? `${checkpoint.source} signs a root that is not the empty tree's`
          : `the first ${checkpoint.size} events do not hash to the root signed in ${checkpoint.source}: they were changed, reordered or replaced since it was signed (a rollback or a fork)`,
    });
  }
  if (!stoppedAtGap) sayWhatUnverifiedCheckpointsClaim(problems, unverified, head);
  // After a gap the log is cut short on purpose: the checkpoints past it are not separate findings.
  for (const checkpoint of stoppedAtGap ? [] : signed.slice(result.reached)) {
    problems.push({
      kind: 'rolled-back',
      position: head + 1,
      message: `${checkpoint.source} covers ${checkpoint.size} events but the log ends at position ${head}: events were removed (after it, or before it and the later ones renumbered down), or the ledger was rolled back to an older copy`,
    });
  }
  if (input.storedTreeSize !== undefined && input.storedTreeSize > head && !stoppedAtGap) {
    problems.push({
      kind: 'rolled-back',
      position: head + 1,
      message: `the stored tree holds ${input.storedTreeSize} leaves but the log ends at position ${head}: events were removed, or the ledger was rolled back to an older copy`,
    });
  }
  problems.sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER));
  const signedThrough = signed.slice(0, result.reached).reduce((largest, checkpoint) => Math.max(largest, checkpoint.size), 0);
  const storedLeaves = input.storedTreeSize === undefined ? {} : { storedLeaves: Math.min(input.storedTreeSize, head) };
  return { eventsChecked: head, checkpointsChecked: signed.length, signedThrough, ...storedLeaves, problems };
}

/**
 * An event the ledger would never have written (a row added or edited in the store by hand), even
 * when its leaf matches: the API hashes and signs rows another process appends, so a signed root
 * alone does not make a row a record.
 */
function invalidEvent(event: AuditedEvent): AuditProblem | undefined {
  const parsed = parsedOrUndefined(event);
  const problem = parsed === undefined ? 'it is not JSON as stored' : eventShapeProblem(parsed);
  if (problem === undefined) return undefined;
  return {
    kind: 'event-invalid',
    position: event.position,
    message: `the event at position ${event.position} is no record the ledger writes (${problem}): it was written into the store by hand`,
  };
}

function treeChanged(position: number, provenThrough: number): AuditProblem {
  return {
    kind: 'tree-changed',
    position,
    message: `the leaf stored for position ${position} is not the hash of its event, which a signed checkpoint of ${provenThrough} events proves unchanged: the stored tree was altered`,
  };
}

/** The leaves the stored tree holds past the log's end: where events moved down after a removal came from. */
async function storedLeavesPastTheEnd(input: AuditInput, head: number): Promise<{ position: number; stored: Buffer }[]> {
  if (!input.storedLeaves || input.storedTreeSize === undefined || input.storedTreeSize <= head) return [];
  const leaves = await input.storedLeaves(head, Math.min(input.storedTreeSize - head, REORDERING_CANDIDATES));
  return leaves.map((leaf, offset) => ({ position: head + 1 + offset, stored: Buffer.from(leaf) }));
}

/** The event's leaf were it at `position`, in hex; none for an event RFC 8785 cannot write (altered by hand). */
function leafAt(event: StoredEvent, position: number): string | undefined {
  try {
    return Buffer.from(leafHash(ledgerEntry({ ...event, position }))).toString('hex');
  } catch {
    return undefined;
  }
}

function parsedOrUndefined(event: AuditedEvent): StoredEvent | undefined {
  try {
    return event.parsed();
  } catch {
    return undefined;
  }
}

/** A checkpoint no trusted key signed: where its problem is, and the size its text claims, unverified. */
interface UnverifiedCheckpoint {
  readonly problemIndex: number;
  readonly claimedSize: number | undefined;
}

/**
 * Checkpoints whose signature a trusted key made, smallest first; the others are problems, kept in
 * `unverified` with the size they claim: a copy restored from before a key was published lacks
 * that key, and then what the checkpoint claims is the first thing to know.
 */
function signedSizes(input: AuditInput, problems: AuditProblem[], unverified: UnverifiedCheckpoint[]): SignedSize[] {
  const sizes: SignedSize[] = [];
  for (const { source, note, listed, keys } of input.checkpoints) {
    const formProblem = checkpointFormProblem(note);
    if (formProblem !== undefined) {
      problems.push({ kind: 'checkpoint-malformed', message: `${source} is not a signed checkpoint: ${formProblem}` });
      continue;
    }
    try {
      const { text } = verifyNote(note, [...(keys ?? input.trustedKeys)]);
      const { size, rootHash } = parseCheckpoint(text);
      const root = Buffer.from(rootHash);
      if (listed !== undefined && (listed.treeSize !== size || !root.equals(Buffer.from(listed.rootHash)))) {
        problems.push({
          kind: 'checkpoint-altered',
          message: `${source} is listed with ${listed.treeSize} events and root ${Buffer.from(listed.rootHash).toString('base64')}, but its signed note says ${size} events and root ${root.toString('base64')}: the stored checkpoint was altered after it was signed`,
        });
      }
      sizes.push({ size, root, source });
    } catch (error) {
      unverified.push({ problemIndex: problems.length, claimedSize: claimedSizeOf(note) });
      problems.push({ kind: 'signature-invalid', message: `${source}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return sizes.sort((a, b) => a.size - b.size);
}

/** The size an unverified note's checkpoint text claims, if it reads as one. */
function claimedSizeOf(note: string): number | undefined {
  try {
    return parseCheckpoint(parseSignedNote(note).text).size;
  } catch {
    return undefined;
  }
}

/** Adds to the problem of each unverified checkpoint that claims more events than the log holds what that would mean. */
function sayWhatUnverifiedCheckpointsClaim(problems: AuditProblem[], unverified: readonly UnverifiedCheckpoint[], head: number): void {
  for (const { problemIndex, claimedSize } of unverified) {
    const problem = problems[problemIndex] as AuditProblem;
    if (claimedSize === undefined || claimedSize <= head) continue;
    problems[problemIndex] = {
      ...problem,
      message:
        `${problem.message}. Unverified, it covers ${claimedSize} events, and the log ends at position ${head}: ` +
        "if it is the ledger's, the store is an older copy (restored), which lacks the publication of the key that signed it too; " +
        "give that key (--key, or the API's key file in CONCORD_DATA_DIR) to have it checked",
    };
  }
}

/**
 * A leaf that differs from the one stored is a reordering when the event, put back at another
 * mismatched position or at one past the log's end that the stored tree still holds, hashes to the
 * leaf stored there; otherwise its content changed. When every mismatch is a reordering, a
 * position whose recorded event went to no other position names an event that was removed (the
 * ones after it moved down to fill its place).
 */
function classifyMismatches(
  mismatches: readonly { event: StoredEvent; stored: Buffer }[],
  pastTheEnd: readonly { position: number; stored: Buffer }[],
  complete: boolean,
): AuditProblem[] {
  const candidates = [...mismatches.slice(0, REORDERING_CANDIDATES).map(({ event, stored }) => ({ position: event.position, stored })), ...pastTheEnd];
  const storedAt = new Map(candidates.map(({ position, stored }) => [stored.toString('hex'), position]));
  const found = new Set<number>();
  const problems: AuditProblem[] = mismatches.map(({ event }, index) => {
    const movedFrom = (index < REORDERING_CANDIDATES ? candidates : [])
      .map(({ position }) => position)
      .find((position) => {
        const leaf = position === event.position ? undefined : leafAt(event, position);
        return leaf !== undefined && storedAt.get(leaf) === position;
      });
    if (movedFrom === undefined)
      return {
        kind: 'content-changed',
        position: event.position,
        message: `the event at position ${event.position} is not the one recorded there: its content changed`,
      };
    found.add(movedFrom);
    return {
      kind: 'order-changed',
      position: event.position,
      message: `the event at position ${event.position} was recorded at position ${movedFrom}: the order of events changed`,
    };
  });
  const allReordered = complete && mismatches.length <= REORDERING_CANDIDATES && problems.every(({ kind }) => kind === 'order-changed');
  if (!allReordered) return problems;
  const removed = mismatches.map(({ event }) => event.position).filter((position) => !found.has(position));
  return [
    ...problems,
    ...removed.map((position): AuditProblem => ({
      kind: 'event-missing',
      position,
      message: `the event recorded at position ${position} is at no other position: it was removed, and the events after it moved down`,
    })),
  ];
}
