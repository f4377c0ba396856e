import { AppendResult } from '../event-store.port';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { LedgerRecord } from './ledger-record';

interface Append {
  readonly stream: string;
  readonly firstPosition: number;
  streamRevision: number;
  lastPosition: number;
  readonly eventIds: string[];
}

/**
 * What one adapter instance knows of the log: every append's result, every event id, each
 * stream's appends. EventStoreDB has no secondary index to ask "was this command appended?" or
 * "is this event id taken?", so each instance keeps the answers in memory, built by reading the
 * log once at open and kept current by reading its tail before each decision. Memory grows with
 * the number of events (their ids); that is the price of exact answers.
 *
 * `apply` refuses a record that does not continue the log where the index stands, so an index can
 * only ever describe a gapless prefix of the log.
 */
export class LedgerIndex {
  private head = 0;
  private readonly commands = new Map<string, Append>();
  /** Each event id in the log, with the stream that holds it. */
  private readonly eventIds = new Map<string, string>();
  private readonly streams = new Map<string, Append[]>();

  /** The position of the last indexed event, 0 when nothing is indexed. */
  get headPosition(): number {
    return this.head;
  }

  apply(record: LedgerRecord): void {
    const { event, batch } = record;
    if (event.position !== this.head + 1) {
      throw new LedgerIntegrityError(`the log holds position ${event.position} after ${this.head}`);
    }
    const appends = this.streams.get(event.stream) ?? [];
    const last = appends[appends.length - 1];
    if (event.position === batch.firstPosition) {
      this.startAppend(record, appends, last);
    } else if (
      last !== undefined &&
      last.firstPosition === batch.firstPosition &&
      last.lastPosition === event.position - 1 &&
      last.streamRevision === event.streamRevision - 1
    ) {
      last.streamRevision = event.streamRevision;
      last.lastPosition = event.position;
      last.eventIds.push(event.eventId);
    } else {
      throw new LedgerIntegrityError(`position ${event.position} (${event.stream}@${event.streamRevision}) does not continue its append`);
    }
    this.eventIds.set(event.eventId, event.stream);
    this.head = event.position;
  }

  /** The result of the append that first carried this command id, if it is in the log. */
  commandResult(commandId: string): AppendResult | undefined {
    const append = this.commands.get(commandId);
    return append === undefined ? undefined : resultOf(append);
  }

  hasEventId(eventId: string): boolean {
    return this.eventIds.has(eventId);
  }

  streamOf(eventId: string): string | undefined {
    return this.eventIds.get(eventId);
  }

  /** The revision of the stream's last event, -1 when the log holds none. */
  streamRevision(stream: string): number {
    const appends = this.streams.get(stream);
    return appends?.[appends.length - 1]?.streamRevision ?? -1;
  }

  /** Every stream the log holds events of, in the order of their first event. */
  streamNames(): string[] {
    return [...this.streams.keys()];
  }

  /** The stream's appends in revision order, as results. */
  appendsTo(stream: string): AppendResult[] {
    return (this.streams.get(stream) ?? []).map(resultOf);
  }

  private startAppend(record: LedgerRecord, appends: Append[], last: Append | undefined): void {
    const { event } = record;
    if (event.streamRevision !== (last?.streamRevision ?? -1) + 1) {
      throw new LedgerIntegrityError(
        `position ${event.position} says ${event.stream}@${event.streamRevision}, but the stream is at revision ${last?.streamRevision ?? -1}`,
      );
    }
    const append: Append = {
      stream: event.stream,
      firstPosition: event.position,
      streamRevision: event.streamRevision,
      lastPosition: event.position,
      eventIds: [event.eventId],
    };
    appends.push(append);
    this.streams.set(event.stream, appends);
    // The adapter never writes a command twice; should the log hold it twice anyway, the first
    // append is the one the command's callers were told about.
    if (!this.commands.has(event.metadata.commandId)) this.commands.set(event.metadata.commandId, append);
  }
}

function resultOf(append: Append): AppendResult {
  return {
    stream: append.stream,
    streamRevision: append.streamRevision,
    firstPosition: append.firstPosition,
    lastPosition: append.lastPosition,
    eventIds: [...append.eventIds],
    duplicate: false,
  };
}
