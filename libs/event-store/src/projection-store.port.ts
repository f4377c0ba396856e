/**
 * The read side's persistence: rows a projection derives from the log, kept beside it with the
 * position they are complete to, so that a restart folds only the events after that position
 * instead of the whole log. Every adapter passes `contract/projection-store.contract.ts`.
 */

/** One row a projection keeps beside the log, derived from the events up to `position`. */
export interface ProjectionRow {
  /** A table of the projection, e.g. 'proposals'. */
  readonly collection: string;
  /** Unique within the projection's collection: storing a row with an id already stored replaces it. */
  readonly id: string;
  /** What rows are looked up by (e.g. a body id); '' when nothing looks them up by key. */
  readonly key: string;
  /** The global position of the event the row comes from (or the last position it covers). */
  readonly position: number;
  /**
   * Any JSON value; it comes back as JSON.parse(JSON.stringify(value)). A value JSON cannot hold
   * (a BigInt, a cycle, `undefined` itself) makes the commit throw a `TypeError` and store nothing.
   */
  readonly value: unknown;
}

export interface ProjectionRowQuery {
  /** Only rows with this key; all keys when absent. */
  readonly key?: string;
  /** Only rows with position <= upTo. */
  readonly upTo: number;
}

export interface ProjectionStore {
  /** The position the projection's rows are complete to; 0 when it has none. */
  checkpoint(projection: string): Promise<number>;
  /** Rows of one collection of the projection (of one key when given), position <= upTo, ordered by position then id. */
  rows(projection: string, collection: string, query: ProjectionRowQuery): Promise<ProjectionRow[]>;
  /**
   * Stores the rows (a row with the same projection, collection and id is replaced, unless the
   * stored one has a greater position: a process behind another never undoes its rows; within
   * one commit the last such row wins) and moves the projection's checkpoint to `checkpoint` unless it
   * is further on already — all in one transaction, so a reader sees either none or all of one
   * commit. Several processes may commit the same rows. Throws `TypeError` for a position or
   * checkpoint that is not an integer >= 0 or a value JSON cannot hold, before storing anything.
   * Given `ifCheckpointAtLeast` (the checkpoint of the caller's last commit), it stores nothing
   * when the stored checkpoint is below it, checked in the same transaction: the projection was
   * reset since, and the caller's earlier rows went with it. Says whether it stored.
   */
  commit(projection: string, rows: readonly ProjectionRow[], checkpoint: number, ifCheckpointAtLeast?: number): Promise<boolean>;
  /**
   * Forgets every row and the checkpoint of the projection (a rebuild from position 1). Given
   * `ifCheckpoint`, only if the checkpoint is still that one, checked in the same transaction:
   * another process may have stored the rows of a fold of its own since the caller looked. Says
   * whether it forgot.
   */
  reset(projection: string, ifCheckpoint?: number): Promise<boolean>;
  /** Later calls fail with `StoreUnavailableError`. Idempotent. */
  close(): Promise<void>;
}
