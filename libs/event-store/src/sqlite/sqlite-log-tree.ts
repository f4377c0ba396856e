import type { Database, Statement } from 'better-sqlite3';
import { compactRangeOf, leafHash, ledgerEntry, ledgerEntryOfCanonicalText, PerfectSubtree, TreeBuilder } from '@concord/verifier';
import { deserializeEvent, SerializedEvent } from '../shared/serialized-event';
import { SqliteTreeNodes } from './sqlite-tree-table';

/** How many events of other processes a writer hashes itself before leaving the tree to the follower. */
const MAX_GAP_FILLED = 4096;

type StoredRow = Omit<SerializedEvent, 'commandId'>;

/** The entry of an event as any version stored it: parsed and written canonically, as a verifier does. */
function ledgerEntryOfStoredRow(row: StoredRow): string {
  return ledgerEntry(deserializeEvent(row));
}

/** Nodes computed from committed events and not stored yet: the tree from `fromSize` leaves on. */
interface PendingNodes {
  readonly fromSize: number;
  readonly nodes: PerfectSubtree[];
}

/**
 * The writer's side of the log's Merkle tree: each committed event's leaf, hashed from its stored
 * canonical text (no parsing), and the perfect subtrees it completes that have rows (see
 * `LOG_TREE_TABLE`).
 *
 * Hashing is done between commits, not inside them (`LogTreePipeline` says when): after a group
 * commits and is answered, its nodes are computed while the writer waits for the next group, and
 * stored in that group's transaction, before its events. The hashing then lengthens no
 * transaction, which is where appends wait. The tree so trails the log by one group while appends
 * flow, and catches up a few milliseconds after they stop.
 *
 * Nodes are stored only where the stored tree ends inside or at the start of what is pending, and
 * agrees with it there; the stored size is read under the write lock each time, so another
 * process's appends, or the transparency log's follower catching the tree up itself, are seen.
 * Another process's events between this writer's groups are read back and hashed here (up to
 * MAX_GAP_FILLED); a tree further behind the log (a ledger recorded before the tree existed) is
 * the follower's to catch up, and appends take over once it is close to the head.
 */
export class SqliteLogTree {
  private readonly nodes: SqliteTreeNodes;
  /** The tree with the pending nodes, as this writer computed it; trusted only while it follows the stored tree. */
  private builder: TreeBuilder | undefined;
  private pending: PendingNodes | undefined;
  /** The transaction under way stored the pending nodes. */
  private pendingStored = false;
  private readonly writeInSavepoint: () => void;
  private readonly writeInOwnTransaction: () => void;

  private readonly eventsBetween: Statement<[number, number], StoredRow>;
  /**
   * The stored tree was found to hold, at a position just appended, a leaf that is not that
   * event's: it describes another log (this one rolled back, or its file replaced). Extending it
   * would put this log's new events after that log's leaves, so this writer leaves it alone from
   * then on; the transparency log's follower refuses to sign it and says why.
   */
  private disowned = false;

  constructor(db: Database) {
    this.nodes = new SqliteTreeNodes(db);
    this.eventsBetween = db.prepare<[number, number], StoredRow>(
      `SELECT position, event_id AS eventId, stream, stream_revision AS streamRevision, type, schema_version AS schemaVersion, data, metadata
       FROM events WHERE position > ? AND position <= ? ORDER BY position`,
    );
    const write = db.transaction(() => this.writeNow());
    this.writeInSavepoint = write;
    this.writeInOwnTransaction = () => write.immediate();
  }

  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  /**
   * Inside a group's write transaction, in a savepoint of its own: stores the pending nodes. They
   * stay pending until `groupCommitted`: a group that does not commit takes them with it, and the
   * next one stores them again. Nodes that cannot be stored (the stored tree moved on, a row
   * already there) stop no append; they are dropped, and the tree falls behind until the follower
   * catches it up.
   */
  writePending(): void {
    if (this.pending === undefined) return;
    try {
      this.writeInSavepoint();
    } catch {
      this.forget();
    }
  }

  /** The group whose transaction stored the pending nodes committed. */
  groupCommitted(): void {
    if (this.pendingStored) this.pending = undefined;
    this.pendingStored = false;
  }

  /** Stores the pending nodes in a transaction of their own: nothing else is being written. */
  writePendingAlone(): void {
    if (this.pending === undefined) return;
    try {
      this.writeInOwnTransaction();
      this.groupCommitted();
    } catch {
      this.forget();
    }
  }

  /**
   * After the group holding these events committed, outside any transaction: computes their leaves
   * and nodes, to be stored with the next write. Events that do not follow the tree this writer
   * holds (another process appended between) are left to the follower.
   */
  computeCommitted(events: readonly SerializedEvent[]): void {
    try {
      this.computeNow(events);
    } catch {
      // The stored tree unreadable (the file busy or damaged): the follower catches up, or says why.
      this.forget();
    }
  }

  private computeNow(events: readonly SerializedEvent[]): void {
    const first = events[0];
    const last = events[events.length - 1];
    if (first === undefined || last === undefined || this.disowned) return;
    const gapEnd = first.position - 1;
    // The follower may have caught the stored tree up past what this writer holds.
    if (this.builder === undefined || this.builder.size > gapEnd || gapEnd - this.builder.size > MAX_GAP_FILLED) this.restartFromStored();
    const builder = this.builder;
    if (builder !== undefined && builder.size > gapEnd && !this.storedLeavesAre(events)) {
      this.forget();
      this.disowned = true;
      return;
    }
    if (builder === undefined || builder.size >= last.position) return;
    const start = builder.size;
    if (gapEnd - start > MAX_GAP_FILLED) {
      this.forget();
      return;
    }
    const nodes = this.pending?.nodes ?? [];
    const add = (entry: string): void => builder.append(leafHash(entry), (subtree) => nodes.push(subtree));
    // Another process's appends, committed before these: their text may predate canonical storage.
    if (gapEnd > start) for (const row of this.eventsBetween.all(start, gapEnd)) add(ledgerEntryOfStoredRow(row));
    for (const event of events) if (event.position > builder.size) add(ledgerEntryOfCanonicalText(event));
    this.pending = { fromSize: this.pending?.fromSize ?? start, nodes };
  }

  /** Whether the leaves the stored tree holds at these events' positions are these events' own. */
  private storedLeavesAre(events: readonly SerializedEvent[]): boolean {
    return events.every((event) => {
      const stored = this.nodes.hashOf({ level: 0, index: event.position - 1 });
      return stored === undefined || Buffer.from(leafHash(ledgerEntryOfCanonicalText(event))).equals(stored);
    });
  }

  /** Drops what this writer computed and takes the stored tree as it is now. */
  private restartFromStored(): void {
    this.forget();
    const size = this.nodes.size();
    const peaks = compactRangeOf(size).map((node) => this.nodes.hashOf(node));
    if (peaks.some((peak) => peak === undefined)) return;
    this.builder = TreeBuilder.resume(size, peaks as Uint8Array[]);
  }

  private forget(): void {
    this.builder = undefined;
    this.pending = undefined;
    this.pendingStored = false;
  }

  private writeNow(): void {
    this.pendingStored = false;
    const pending = this.pending;
    const end = this.builder?.size;
    if (pending === undefined || end === undefined) return;
    const stored = this.nodes.size();
    // Another writer stored part of what is pending (the same events): the rest is added after it,
    // if the two agree where they meet.
    if (stored < pending.fromSize || stored >= end || (stored > pending.fromSize && !this.agreesAt(stored - 1, pending))) {
      this.forget();
      return;
    }
    this.nodes.insert(stored === pending.fromSize ? pending.nodes : pending.nodes.filter(({ level, index }) => (index + 1) * 2 ** level > stored));
    this.pendingStored = true;
  }

  private agreesAt(leafIndex: number, pending: PendingNodes): boolean {
    const ours = pending.nodes.find(({ level, index }) => level === 0 && index === leafIndex);
    const stored = this.nodes.hashOf({ level: 0, index: leafIndex });
    return ours !== undefined && stored !== undefined && Buffer.from(ours.hash).equals(stored);
  }
}
