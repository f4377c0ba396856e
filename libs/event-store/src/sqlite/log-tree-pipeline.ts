import type { Database } from 'better-sqlite3';
import { SerializedEvent } from '../shared/serialized-event';
import { SqliteLogTree } from './sqlite-log-tree';

/** How long the writer waits for another group before storing pending tree nodes on their own. */
const IDLE_TREE_WRITE_MS = 10;

/**
 * When the appender's log tree does its work: a committed group's nodes are computed once the group
 * is answered (the next turn of the writer's event loop), stored inside the next group's
 * transaction, or on their own if no group comes within IDLE_TREE_WRITE_MS.
 */
export class LogTreePipeline {
  private readonly tree: SqliteLogTree;
  /** Committed groups whose nodes are still to be computed, oldest first. */
  private uncomputed: (readonly SerializedEvent[])[] = [];
  private computing: NodeJS.Immediate | undefined;
  private idleWrite: NodeJS.Timeout | undefined;

  constructor(db: Database) {
    this.tree = new SqliteLogTree(db);
  }

  /**
   * Before a group takes the write lock. Groups that came faster than their predecessors' nodes
   * were computed get them computed now, outside the lock, so that every committed group's nodes
   * go in with the next.
   */
  beforeGroup(): void {
    clearTimeout(this.idleWrite);
    this.computeUncomputed();
  }

  /** First thing inside the group's transaction. */
  insideGroup(): void {
    this.tree.writePending();
  }

  groupCommitted(committed: readonly SerializedEvent[]): void {
    this.tree.groupCommitted();
    if (committed.length === 0) return;
    this.uncomputed.push(committed);
    this.computing ??= setImmediate(() => {
      this.computeUncomputed();
      this.scheduleIdleWrite();
    });
  }

  /** After the group, committed or not: what is pending goes in with the next group or on its own. */
  afterGroup(): void {
    this.scheduleIdleWrite();
  }

  /** Computes and stores everything pending, before the connection closes. */
  close(): void {
    clearTimeout(this.idleWrite);
    this.computeUncomputed();
    this.tree.writePendingAlone();
  }

  private scheduleIdleWrite(): void {
    clearTimeout(this.idleWrite);
    if (this.tree.hasPending) this.idleWrite = setTimeout(() => this.tree.writePendingAlone(), IDLE_TREE_WRITE_MS).unref();
  }

  private computeUncomputed(): void {
    clearImmediate(this.computing);
    this.computing = undefined;
    for (const committed of this.uncomputed.splice(0)) this.tree.computeCommitted(committed);
  }
}
