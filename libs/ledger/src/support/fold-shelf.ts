import { ProjectionStore } from '@concord/event-store';
import { decodeState, encodeState } from '@concord/governance';

/**
 * The name the command side's stored folds go under. A change to what a fold computes (a rule of
 * `evolve…`, a field of a state) takes a new name: the old rows are then ignored, and each long
 * stream is folded whole once more, by the first command on it.
 */
export const COMMAND_FOLDS_PROJECTION = 'command-folds-v5';

/** A fold is stored once its stream holds this many events, and again each time it grows by as many. */
export const FOLD_SHELF_SPACING = 1024;

/** How far a fold goes: over the first `length` events of a stream, the last one `eventId` at `position` in the log. */
export interface FoldAt {
  readonly length: number;
  readonly position: number;
  readonly eventId: string;
}

/** A fold's state over the first `length` events of a stream, whose last event is `eventId` at `position` in the log. */
export interface ShelvedFold<S> extends FoldAt {
  readonly state: S;
}

interface ShelfRowValue {
  readonly length: number;
  readonly eventId: string;
  readonly state: string;
}

/**
 * The command side's folds of long streams, stored beside the log (the SQLite file, the PostgreSQL
 * schema) through the projection store's rows, so that the first command on a long stream after a
 * start folds only the events recorded since the last one stored, not the whole stream.
 *
 * What it stores never goes stale by itself: a fold over a stream's first n events depends on those
 * events only, and they never change (a correction is a later event of the same stream, which the
 * loader sees among the events after n and answers by folding the whole stream). A fold is written
 * in a later turn of the event loop than the command that reached it, and never fails a command: a
 * fold not stored only makes the next start read more.
 */
export class FoldShelf {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly rows: ProjectionStore,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * The fold named `fold` last stored for `stream`, if any; one that cannot be read, or whose state
   * `accepts` refuses, counts as none.
   */
  async take<S>(fold: string, stream: string, accepts: (state: unknown) => state is S): Promise<ShelvedFold<S> | undefined> {
    try {
      const [row] = await this.rows.rows(COMMAND_FOLDS_PROJECTION, fold, { key: stream, upTo: Number.MAX_SAFE_INTEGER });
      if (row === undefined) return undefined;
      const value = row.value as Partial<ShelfRowValue> | null;
      const state: unknown = typeof value?.state === 'string' ? decodeState(value.state) : undefined;
      if (!Number.isInteger(value?.length) || (value?.length ?? 0) < 1 || typeof value?.eventId !== 'string' || !accepts(state)) {
        throw new TypeError(`the stored fold ${fold} of ${stream} is not one this build reads`);
      }
      return { length: value.length as number, position: row.position, eventId: value.eventId, state };
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  /**
   * Stores the fold over `at.length` events, the last `at.eventId` at `at.position`, when that is
   * due: the fold did not go on from a kept or stored one (`since` 0) and the stream is long, or it
   * has passed a multiple of the spacing since `since`. The state is worked out only then, at once;
   * it is written as text in a later turn of the event loop, after the command that reached it.
   */
  keep<S>(fold: string, stream: string, since: number, at: FoldAt, stateOf: () => S | undefined): void {
    if (!isDue(since, at.length)) return;
    let state: S | undefined;
    try {
      state = stateOf();
    } catch (error) {
      this.onError(error);
      return;
    }
    if (state === undefined) return;
    const write = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => {
        const value: ShelfRowValue = { length: at.length, eventId: at.eventId, state: encodeState(state) };
        return this.rows.commit(COMMAND_FOLDS_PROJECTION, [{ collection: fold, id: stream, key: stream, position: at.position, value }], 0);
      })
      .then(() => undefined)
      .catch(this.onError)
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for the writes under way, before the projection store is closed. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

function isDue(since: number, length: number): boolean {
  if (length < FOLD_SHELF_SPACING) return false;
  return since === 0 || Math.floor(length / FOLD_SHELF_SPACING) > Math.floor(since / FOLD_SHELF_SPACING);
}
