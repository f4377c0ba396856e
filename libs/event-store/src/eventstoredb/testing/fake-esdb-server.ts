import { EsdbAppendResult, EsdbEventData, EsdbExpectedRevision, EsdbMetadata, EsdbPosition } from '../esdb-client.port';
import { FakeInvalidArgumentError, FakeWrongExpectedVersionError } from './fake-esdb-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Bytes a log record takes beside its data and metadata: positions advance by record sizes. */
const RECORD_OVERHEAD = 87n;
/** What protobuf accepts as a base64 string for a bytes field (it throws on anything else). */
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/** An event as the fake server keeps it: data and metadata as the bytes that went over the wire. */
export interface FakeRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  /** From the content type the client sent: `application/json` or not. */
  readonly isJson: boolean;
  readonly data: Uint8Array;
  /** Empty when the event was written without metadata. */
  readonly metadata: Uint8Array;
  readonly position: EsdbPosition;
  readonly created: Date;
}

/** The UTF-8 text of stored bytes, for tests reading the fake's streams directly. */
export function textOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The state of one EventStoreDB node, shared by the `FakeEsdbClient`s made over it (several clients
 * on one server stand for several processes). Appends are atomic and checked as the server checks
 * them; see `fake-esdb-client.ts` for what is not modelled.
 */
export class FakeEsdbServer {
  private readonly streams = new Map<string, FakeRecord[]>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = 1024n;

  /** The stream's events now (a copy), undefined when it does not exist. */
  records(streamName: string): FakeRecord[] | undefined {
    const records = this.streams.get(streamName);
    return records === undefined ? undefined : [...records];
  }

  /** The stream's event at `revision`, if there is one. */
  recordAt(streamName: string, revision: number): FakeRecord | undefined {
    return this.streams.get(streamName)?.[revision];
  }

  /** How many events the stream holds. */
  lengthOf(streamName: string): number {
    return this.streams.get(streamName)?.length ?? 0;
  }

  streamNames(): string[] {
    return [...this.streams.keys()];
  }

  /** Calls `listener` after every append that wrote something; returns the unsubscription. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * One atomic append. The expected revision is checked as EventStoreDB does, including its
   * idempotency: a write whose event ids are already in the stream, right where the expected
   * revision says they would go (or anywhere, for `any`), succeeds without writing anything.
   */
  append(streamName: string, events: readonly EsdbEventData[], expected: EsdbExpectedRevision): EsdbAppendResult {
    for (const event of events) {
      if (!UUID.test(event.id)) throw new FakeInvalidArgumentError(`event id ${event.id} is not a UUID`);
    }
    // Encoded before anything is checked, as the client serialises the request before sending it.
    const encoded = events.map((event) => ({ event, data: dataBytes(event), metadata: metadataBytes(event.metadata) }));
    const existing = this.streams.get(streamName) ?? [];
    const repeated = this.repeatedWrite(existing, events, expected);
    if (repeated !== undefined) return repeated;
    if (!matches(existing.length, expected)) {
      throw new FakeWrongExpectedVersionError(streamName, expected, existing.length === 0 ? 'no_stream' : BigInt(existing.length - 1));
    }
    const written = encoded.map(({ event, data, metadata }, index) => this.record(streamName, BigInt(existing.length + index), event, data, metadata));
    this.streams.set(streamName, [...existing, ...written]);
    for (const listener of [...this.listeners]) listener();
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: BigInt(existing.length + written.length - 1), ...(last === undefined ? {} : { position: last.position }) };
  }

  private repeatedWrite(existing: readonly FakeRecord[], events: readonly EsdbEventData[], expected: EsdbExpectedRevision): EsdbAppendResult | undefined {
    const first = events[0];
    if (first === undefined) return undefined;
    let start: number;
    if (expected === 'any' || expected === 'stream_exists') {
      start = existing.findIndex((record) => record.id === first.id);
    } else {
      start = expected === 'no_stream' ? 0 : Number(expected) + 1;
      // At the expected revision the write is new, not a repeat.
      if (start === existing.length) return undefined;
    }
    if (start < 0 || start + events.length > existing.length) return undefined;
    if (!events.every((event, index) => existing[start + index]?.id === event.id)) return undefined;
    const last = existing[start + events.length - 1];
    return { success: true, nextExpectedRevision: BigInt(start + events.length - 1), ...(last === undefined ? {} : { position: last.position }) };
  }

  private record(streamId: string, revision: bigint, event: EsdbEventData, data: Uint8Array, metadata: Uint8Array): FakeRecord {
    // Sparse and increasing, like transaction-log positions: a count of bytes, not of events.
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += RECORD_OVERHEAD + BigInt(data.byteLength + metadata.byteLength);
    const isJson = event.contentType === 'application/json';
    return { streamId, id: event.id.toLowerCase(), revision, type: event.type, isJson, data, metadata, position, created: new Date() };
  }
}

function matches(length: number, expected: EsdbExpectedRevision): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return length === 0;
  if (expected === 'stream_exists') return length > 0;
  return BigInt(length - 1) === expected;
}

/** As the client sends data: JSON as its text; binary as the bytes given, a string taken for base64 (protobuf's rule). */
function dataBytes(event: EsdbEventData): Uint8Array {
  if (event.contentType === 'application/json') return utf8(JSON.stringify(event.data));
  const data: unknown = event.data;
  if (data instanceof Uint8Array) return Uint8Array.from(data);
  if (typeof data === 'string') {
    if (!BASE64.test(data)) throw new Error(`Unknown base64 encoding in ${JSON.stringify(data)} (protobuf reads a string for bytes as base64)`);
    return Uint8Array.from(Buffer.from(data, 'base64'));
  }
  throw new Error('Type not convertible to Uint8Array.');
}

/** As the client sends metadata: none when falsy, a plain Uint8Array as it is, anything else (a Buffer too) as JSON text. */
function metadataBytes(metadata: EsdbMetadata | undefined): Uint8Array {
  if (!metadata) return new Uint8Array(0);
  if (metadata.constructor === Uint8Array) return Uint8Array.from(metadata as Uint8Array);
  return utf8(JSON.stringify(metadata));
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
