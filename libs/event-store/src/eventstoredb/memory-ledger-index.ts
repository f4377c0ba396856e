import { AppendResult } from '../event-store.port';
import { continuationOf, LedgerIndex } from './ledger-index';
import { LedgerRecord } from './ledger-record';

interface Append {
  readonly stream: string;
  readonly firstPosition: number;
  streamRevision: number;
  lastPosition: number;
  readonly eventIds: string[];
}

/**
 * The ledger index in memory: built from the log's first event at every open, and growing with
 * the number of events (their ids). For tests and for a store opened without an index file.
 */
export class MemoryLedgerIndex implements LedgerIndex {
  private head = 0;
  private levelThrough = 0;
  private commands = new Map<string, Append>();
  /** Each event id in the log, with the stream that holds it. */
  private eventIds = new Map<string, string>();
  private streams = new Map<string, Append[]>();

  get headPosition(): number {
    return this.head;
  }

  get copiesLevelThrough(): number {
    return this.levelThrough;
  }

  applyAll(records: readonly LedgerRecord[]): void {
    for (const record of records) this.apply(record);
  }

  consistently<T>(work: () => T): T {
    return work();
  }

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

  eventIdAt(position: number): string | undefined {
    for (const appends of this.streams.values()) {
      const append = appends.find((candidate) => candidate.firstPosition <= position && position <= candidate.lastPosition);
      if (append !== undefined) return append.eventIds[position - append.firstPosition];
    }
    return undefined;
  }

  streamRevision(stream: string): number {
    const appends = this.streams.get(stream);
    return appends?.[appends.length - 1]?.streamRevision ?? -1;
  }

  appendsTo(stream: string, fromRevision = 0): AppendResult[] {
    return (this.streams.get(stream) ?? []).filter((append) => append.streamRevision >= fromRevision).map(resultOf);
  }

  streamsAppendedAfter(position: number): string[] {
    const after = [...this.streams.entries()].flatMap(([stream, appends]) => {
      const first = appends.find((append) => append.lastPosition > position);
      return first === undefined ? [] : [{ stream, firstPosition: first.firstPosition }];
    });
    return after.sort((a, b) => a.firstPosition - b.firstPosition).map((entry) => entry.stream);
  }

  markCopiesLevel(position: number): void {
    this.levelThrough = Math.max(this.levelThrough, position);
  }

  reset(): void {
    this.head = 0;
    this.levelThrough = 0;
    this.commands = new Map();
    this.eventIds = new Map();
    this.streams = new Map();
  }

  close(): void {
    // Nothing is held outside this object.
  }

  private apply(record: LedgerRecord): void {
    const { event } = record;
    const appends = this.streams.get(event.stream) ?? [];
    const last = appends[appends.length - 1];
    if (continuationOf(record, this.head, last) === 'starts') {
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
    } else if (last !== undefined) {
      last.streamRevision = event.streamRevision;
      last.lastPosition = event.position;
      last.eventIds.push(event.eventId);
    }
    this.eventIds.set(event.eventId, event.stream);
    this.head = event.position;
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
