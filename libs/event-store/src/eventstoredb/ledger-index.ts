import { AppendResult } from '../event-store.port';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { LedgerRecord } from './ledger-record';

/**
 * What one adapter instance knows of the log: every append's result, every event id, each
 * stream's appends. EventStoreDB has no secondary index to ask "was this command appended?" or
 * "is this event id taken?", so the adapter keeps the answers itself, built by reading the log and
 * kept current by reading its tail before each decision. Kept in memory (`MemoryLedgerIndex`,
 * built from the log's first event at every open) or in a SQLite file (`SqliteLedgerIndex`, which
 * an open only brings up to date).
 *
 * Records are applied in log order and must continue the log where the index stands (see
 * `continuationOf`), so an index only ever describes a gapless prefix of the log.
 */
export interface LedgerIndex {
  /** The position of the last indexed event, 0 when nothing is indexed. */
  readonly headPosition: number;
  /**
   * Applies records read from the log, in order. Records the index holds already (another process
   * sharing its file indexed them first) are passed over. A record that does not continue the log
   * throws `LedgerIntegrityError`, after the records before it are applied.
   */
  applyAll(records: readonly LedgerRecord[]): void;
  /**
   * Runs `work`, which asks the index several things, on one consistent reading of it: a decision
   * made from the answers must not mix two states of an index other processes write to.
   */
  consistently<T>(work: () => T): T;
  /** The result of the append that first carried this command id, if it is in the log. */
  commandResult(commandId: string): AppendResult | undefined;
  hasEventId(eventId: string): boolean;
  streamOf(eventId: string): string | undefined;
  /** The id of the event at this position, if indexed: an open compares it with the log's. */
  eventIdAt(position: number): string | undefined;
  /** The revision of the stream's last event, -1 when the log holds none. */
  streamRevision(stream: string): number;
  /** The stream's appends, in revision order, from the one holding `fromRevision` on. */
  appendsTo(stream: string, fromRevision?: number): AppendResult[];
  /** Streams with an append that ends after `position` (holding it or later), in the order of their first such append. */
  streamsAppendedAfter(position: number): string[];
  /** The head position when a repair last found every stream copy level with the log; 0 if never. */
  readonly copiesLevelThrough: number;
  markCopiesLevel(position: number): void;
  /** Forgets everything: the index then describes an empty log. */
  reset(): void;
  close(): void;
}

/** Where an indexed append stands: enough to check that a record continues it. */
export interface AppendEnd {
  readonly firstPosition: number;
  readonly lastPosition: number;
  readonly streamRevision: number;
}

/**
 * Whether a record starts a new append or extends the stream's last one, given the index's head
 * and that append; anything else breaks the log and throws `LedgerIntegrityError`.
 */
export function continuationOf(record: LedgerRecord, head: number, last: AppendEnd | undefined): 'starts' | 'extends' {
  const { event, batch } = record;
  if (event.position !== head + 1) throw new LedgerIntegrityError(`the log holds position ${event.position} after ${head}`);
  if (event.position === batch.firstPosition) {
    if (event.streamRevision !== (last?.streamRevision ?? -1) + 1) {
      throw new LedgerIntegrityError(
        `position ${event.position} says ${event.stream}@${event.streamRevision}, but the stream is at revision ${last?.streamRevision ?? -1}`,
      );
    }
    return 'starts';
  }
  if (
    last !== undefined &&
    last.firstPosition === batch.firstPosition &&
    last.lastPosition === event.position - 1 &&
    last.streamRevision === event.streamRevision - 1
  ) {
    return 'extends';
  }
  throw new LedgerIntegrityError(`position ${event.position} (${event.stream}@${event.streamRevision}) does not continue its append`);
}
