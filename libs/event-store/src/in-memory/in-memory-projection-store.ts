import { StoreUnavailableError } from '../event-store.errors';
import { ProjectionRow, ProjectionRowQuery, ProjectionStore } from '../projection-store.port';
import { assertName, byPositionThenId, deserializeRow, SerializedProjectionRow, serializeCommit, upToOf } from '../shared/projection-rows';

interface ProjectionState {
  checkpoint: number;
  /** Collection, then row id. */
  readonly collections: Map<string, Map<string, SerializedProjectionRow>>;
}

/**
 * Projection rows in process memory: for unit tests, for a `:memory:` ledger (which no other
 * connection can open), and for stores that do not keep projections yet. Nothing survives the
 * process, so the read side folds from position 1 on every start. A commit is checked and
 * serialised before its first write and written without awaiting, so it is atomic.
 */
export class InMemoryProjectionStore implements ProjectionStore {
  private readonly projections = new Map<string, ProjectionState>();
  private closed = false;

  async checkpoint(projection: string): Promise<number> {
    this.assertOpen();
    return this.projections.get(projection)?.checkpoint ?? 0;
  }

  async rows(projection: string, collection: string, query: ProjectionRowQuery): Promise<ProjectionRow[]> {
    this.assertOpen();
    const upTo = upToOf(query);
    const stored = this.projections.get(projection)?.collections.get(collection)?.values() ?? [];
    const matching = [...stored].filter((row) => row.position <= upTo && (query.key === undefined || row.key === query.key));
    return matching.sort(byPositionThenId).map(deserializeRow);
  }

  async commit(projection: string, rows: readonly ProjectionRow[], checkpoint: number, ifCheckpointAtLeast?: number): Promise<boolean> {
    this.assertOpen();
    const serialized = serializeCommit(projection, rows, checkpoint);
    const state = this.projections.get(projection) ?? { checkpoint: 0, collections: new Map() };
    if (ifCheckpointAtLeast !== undefined && state.checkpoint < ifCheckpointAtLeast) return false;
    for (const row of serialized) {
      const collection = state.collections.get(row.collection) ?? new Map<string, SerializedProjectionRow>();
      const stored = collection.get(row.id);
      if (stored === undefined || stored.position <= row.position) collection.set(row.id, row);
      state.collections.set(row.collection, collection);
    }
    state.checkpoint = Math.max(state.checkpoint, checkpoint);
    this.projections.set(projection, state);
    return true;
  }

  async reset(projection: string, ifCheckpoint?: number): Promise<boolean> {
    this.assertOpen();
    assertName('projection', projection);
    if (ifCheckpoint !== undefined && (this.projections.get(projection)?.checkpoint ?? 0) !== ifCheckpoint) return false;
    this.projections.delete(projection);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('in-memory projection store is closed');
  }
}
