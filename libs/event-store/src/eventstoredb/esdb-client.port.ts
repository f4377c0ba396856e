/**
 * The part of the EventStoreDB gRPC client the adapter uses, in the client's own shapes
 * (`@eventstore/db-client` 6.x): bigint revisions, `'no_stream'`, `ResolvedEvent`, errors told
 * apart by their `type`. Declared here rather than imported so that nothing but `esdb-client.ts`
 * loads the package: the adapter and the in-process fake (`testing/fake-esdb-client.ts`) depend on
 * this file only, and `esdb-client.ts` proves at compile time that the real client fits it.
 *
 * Deliberately absent: `readAll`/`subscribeToAll`. The adapter never reads `$all` (see README.md:
 * the ledger's global log is one ordinary stream), so it needs no `$all` rights and no filtering of
 * system events. Links (`$>` events) are written as binary events and resolved on stream reads.
 */

/** `'start'`/`'end'` or an exact revision, as `START`/`END` and bigints are in the client. */
export type EsdbReadRevision = 'start' | 'end' | bigint;

/** The client's `AppendExpectedRevision`: `ANY`, `NO_STREAM`, `STREAM_EXISTS` or an exact revision. */
export type EsdbExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** The client's `CurrentRevision`: the revision of the stream's last event, or `NO_STREAM`. */
export type EsdbCurrentRevision = 'no_stream' | bigint;

/** A position in the transaction log: sparse, increasing, not a count of events. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** The client's `JSONType`. */
export type EsdbJson = Record<string | number, unknown> | unknown[] | string;

/**
 * The client's `MetadataType`. A plain `Uint8Array` is sent as it is; anything else, a Node
 * `Buffer` included (the client tests `constructor === Uint8Array`), is sent as its JSON text.
 */
export type EsdbMetadata = EsdbJson | Uint8Array;

/** What the client's `jsonEvent({ id, type, data, metadata })` builds. */
export interface EsdbJsonEventData {
  /** A UUID: the server refuses anything else. */
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: EsdbJson;
  readonly metadata: EsdbMetadata | undefined;
}

/**
 * What the client's `binaryEvent({ id, type, data, metadata })` builds: data sent as raw bytes.
 * It must be bytes: protobuf takes a string here for base64 and would decode it (or throw).
 */
export interface EsdbBinaryEventData {
  readonly id: string;
  readonly contentType: 'application/octet-stream';
  readonly type: string;
  readonly data: Uint8Array;
  readonly metadata: EsdbMetadata | undefined;
}

/** The client's `EventData`: what `appendToStream` takes. */
export type EsdbEventData = EsdbJsonEventData | EsdbBinaryEventData;

export interface EsdbAppendResult {
  readonly success: boolean;
  readonly nextExpectedRevision: bigint;
  readonly position?: EsdbPosition;
}

/**
 * The client's `RecordedEvent`. `data` is parsed JSON when `isJson` (the text itself when it does
 * not parse), a `Uint8Array` otherwise; `metadata` is parsed JSON when it parses, else a
 * `Uint8Array`, and undefined when empty, whatever the content type.
 */
export interface EsdbRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
  readonly position?: EsdbPosition;
}

/**
 * One read record. Without `resolveLinkTos`, `event` is the record itself (a link shows as a `$>`
 * event) and `link` is absent. With it, a link gives `link` = the link record and `event` = its
 * target, or `event` undefined when the target cannot be read (missing, deleted); a link whose
 * data is not `<revision>@<stream>` comes back unresolved, as `event`.
 */
export interface EsdbResolvedEvent {
  readonly event?: EsdbRecordedEvent;
  readonly link?: EsdbRecordedEvent;
  readonly commitPosition?: bigint;
}

export interface EsdbReadStreamOptions {
  /** Inclusive: reading from revision n yields n first. */
  readonly fromRevision?: EsdbReadRevision;
  readonly maxCount?: number | bigint;
  readonly direction?: 'forwards' | 'backwards';
  /** Resolve `$>` link events to their targets (see `EsdbResolvedEvent`). Default false. */
  readonly resolveLinkTos?: boolean;
}

export interface EsdbSubscribeToStreamOptions {
  /** Exclusive, unlike reads: subscribing from revision n yields n + 1 first. */
  readonly fromRevision?: EsdbReadRevision;
}

/** A catch-up subscription: historical events, then live ones, until unsubscribed or dropped. */
export interface EsdbSubscription extends AsyncIterable<EsdbResolvedEvent> {
  unsubscribe(): Promise<void>;
}

export interface EsdbClient {
  /** Rejects with a `wrong-expected-version` error when the stream is not at `expectedRevision`. */
  appendToStream(streamName: string, events: EsdbEventData[], options: { expectedRevision: EsdbExpectedRevision }): Promise<EsdbAppendResult>;
  /**
   * Streams the events; a missing stream fails the iteration (not the call) with a
   * `stream-not-found` error, because the server says so only once the read has started.
   */
  readStream(streamName: string, options?: EsdbReadStreamOptions): AsyncIterable<EsdbResolvedEvent>;
  subscribeToStream(streamName: string, options?: EsdbSubscribeToStreamOptions): EsdbSubscription;
  /** Cancels open calls and closes the channel. */
  dispose(): Promise<void>;
}

/** The client's `ErrorType` values the adapter reacts to; `esdb-client.ts` checks them against the package. */
export const ESDB_ERROR_TYPES = {
  wrongExpectedVersion: 'wrong-expected-version',
  streamNotFound: 'stream-not-found',
  unavailable: 'unavailable',
  deadlineExceeded: 'deadline-exceeded',
  timeout: 'timeout',
  notLeader: 'not-leader',
  cancelled: 'cancelled',
} as const;

/** gRPC status codes, as the client's errors carry them in `code`. */
export const GRPC_STATUS = {
  deadlineExceeded: 4,
  unavailable: 14,
} as const;

/** The client's `WrongExpectedVersionError`, by shape. */
export interface EsdbWrongExpectedVersionError extends Error {
  readonly type: typeof ESDB_ERROR_TYPES.wrongExpectedVersion;
  readonly streamName: string;
  readonly expectedVersion: EsdbExpectedRevision;
  readonly actualVersion: EsdbCurrentRevision;
}
